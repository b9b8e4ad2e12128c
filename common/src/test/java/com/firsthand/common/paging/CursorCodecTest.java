package com.firsthand.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.ids.Ids;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the cursor codec and the limit parser, over generated input (QuickTheories shrinks failures). */
class CursorCodecTest {

    private static final List<String> LISTS = List.of("jobs", "submissions", "job_files:job_1", "events");

    private final CursorCodec codec = new CursorCodec("test-secret");

    @Test
    void everyIdRoundTripsInItsOwnList() {
        qt().forAll(ids(), lists()).checkAssert((id, list) ->
                assertThat(codec.decode(list, codec.encode(list, id))).isEqualTo(id));
    }

    @Test
    void anyChangeToACursorIsRejectedAsAnInvalidCursor() {
        qt().forAll(ids(), integers().between(0, 10_000), integers().between(1, 255)).checkAssert((id, at, flip) -> {
            byte[] raw = Base64.getUrlDecoder().decode(codec.encode("jobs", id));
            raw[at % raw.length] ^= (byte) flip.intValue();
            assertInvalidCursor(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        });
    }

    @Test
    void aTruncatedOrExtendedCursorIsRejected() {
        qt().forAll(ids(), integers().between(1, 40), strings().basicLatinAlphabet().ofLengthBetween(1, 8))
                .checkAssert((id, cut, tail) -> {
                    String cursor = codec.encode("jobs", id);
                    assertInvalidCursor(cursor.substring(0, Math.max(0, cursor.length() - cut)));
                    assertInvalidCursor(cursor + tail.replace('=', 'A'));
                });
    }

    @Test
    void anyStringThatIsNotOneOfOurCursorsIsA400NeverAnotherFailure() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 300).mix(base64ish(), 50)).checkAssert(garbage ->
                assertInvalidCursor(garbage));
    }

    @Test
    void aCursorOnlyOpensTheListAndSecretItWasMadeFor() {
        qt().forAll(ids(), lists(), lists()).assuming((id, a, b) -> !a.equals(b)).checkAssert((id, a, b) -> {
            String cursor = codec.encode(a, id);
            assertInvalidCursor(() -> codec.decode(b, cursor));
            assertInvalidCursor(() -> new CursorCodec("other-secret").decode(a, cursor));
        });
    }

    @Test
    void limitIsAcceptedExactlyWhenItIsAWholeNumberFromOneToAHundred() {
        Gen<String> numbers = integers().between(-50, 250).map(n -> Integer.toString(n));
        Gen<String> padded = numbers.map(n -> " " + n + "\t");
        qt().forAll(strings().ascii().ofLengthBetween(0, 12).mix(numbers, 60).mix(padded, 20)).checkAssert(text -> {
            String trimmed = text.trim();
            boolean valid = trimmed.matches("[0-9]{1,9}") && new BigInteger(trimmed).intValue() >= 1
                    && new BigInteger(trimmed).intValue() <= PageRequest.MAX_LIMIT;
            if (trimmed.isEmpty() && text.isEmpty()) {
                assertThat(PageRequest.parseLimit(text)).isEqualTo(PageRequest.DEFAULT_LIMIT);
            } else if (valid) {
                assertThat(PageRequest.parseLimit(text)).isEqualTo(Integer.parseInt(trimmed));
            } else {
                assertThatThrownBy(() -> PageRequest.parseLimit(text)).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.toError().error().param()).isEqualTo("limit"));
            }
        });
    }

    @Test
    void limitRefusesDigitsFromOtherScriptsAndSigns() {
        for (String bad : new String[] {"٥", "５", "+5", "-0", "1e2", "99999999999", "0"}) {
            assertThatThrownBy(() -> PageRequest.parseLimit(bad)).as(bad).isInstanceOf(ApiException.class);
        }
        assertThat(PageRequest.parseLimit(null)).isEqualTo(PageRequest.DEFAULT_LIMIT);
    }

    private void assertInvalidCursor(String cursor) {
        assertInvalidCursor(() -> codec.decode("jobs", cursor));
    }

    private static void assertInvalidCursor(org.assertj.core.api.ThrowableAssert.ThrowingCallable decode) {
        assertThatThrownBy(decode).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.toError().error().param()).isEqualTo("cursor");
        });
    }

    private static Gen<String> ids() {
        Gen<String> prefixes = Generate.pick(List.of(Ids.JOB, Ids.SUBMISSION, Ids.FILE, Ids.EVENT, Ids.WORKER));
        Gen<String> real = prefixes.map(prefix -> Ids.next(prefix));
        return real.mix(strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(1, 40), 30);
    }

    private static Gen<String> lists() {
        return Generate.pick(LISTS);
    }

    /** Strings from the cursor alphabet, so the MAC check (not only the Base64 decoder) is exercised. */
    private static Gen<String> base64ish() {
        return Generate.byteArrays(integers().between(0, 220), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
                .map(bytes -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
