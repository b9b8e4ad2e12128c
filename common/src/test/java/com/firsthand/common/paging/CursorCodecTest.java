package com.firsthand.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.ids.Ids;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Properties of the cursor codec over many random ids and mutations (seeded, so failures reproduce). */
class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec("test-secret");

    @RepeatedTest(200)
    void everyIdRoundTrips(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        String id = random.nextBoolean() ? Ids.next(Ids.JOB) : randomText(random);

        assertThat(codec.decode("jobs", codec.encode("jobs", id))).isEqualTo(id);
    }

    @RepeatedTest(200)
    void anySingleByteChangeIsRejected(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        byte[] raw = Base64.getUrlDecoder().decode(codec.encode("jobs", Ids.next(Ids.JOB)));
        raw[random.nextInt(raw.length)] ^= (byte) (1 + random.nextInt(255));
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> codec.decode("jobs", tampered)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).toError().error().param()).isEqualTo("cursor"));
    }

    @RepeatedTest(100)
    void randomStringsAreRejectedNeverCrash(RepetitionInfo repetition) {
        String garbage = randomText(new Random(repetition.getCurrentRepetition()));

        assertThatThrownBy(() -> codec.decode("jobs", garbage)).isInstanceOf(ApiException.class);
    }

    @Test
    void aCursorOfOneListIsRejectedByAnotherAndByAnotherSecret() {
        String cursor = codec.encode("jobs", Ids.next(Ids.JOB));

        assertThatThrownBy(() -> codec.decode("submissions", cursor)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> new CursorCodec("other-secret").decode("jobs", cursor))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void limitIsValidated() {
        assertThat(PageRequest.parseLimit(null)).isEqualTo(20);
        assertThat(PageRequest.parseLimit("1")).isEqualTo(1);
        assertThat(PageRequest.parseLimit("100")).isEqualTo(100);
        for (String bad : new String[] {"0", "101", "-5", "abc", "1e2", "99999999999"}) {
            assertThatThrownBy(() -> PageRequest.parseLimit(bad)).isInstanceOf(ApiException.class);
        }
    }

    private static String randomText(Random random) {
        int length = random.nextInt(60);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }
}
