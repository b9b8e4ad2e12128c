package com.firsthand.submissions.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.firsthand.common.errors.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class UploadFileNamesTest {

    private static final Gen<String> PLAIN = strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(1, 120)
            .assuming(name -> name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name.chars().noneMatch(
                    c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029') && !name.equals(".")
                    && !name.equals(".."));

    @Test
    void aPlainNameIsAccepted() {
        qt().forAll(PLAIN).checkAssert(name ->
                assertThatCode(() -> UploadFileNames.check(name)).doesNotThrowAnyException());
    }

    @Test
    void aNameWithASeparatorOrAControlCharacterAnywhereIsRefused() {
        Gen<String> hostile = Generate.pick(List.of("/", "\\", "\0", "\n", "\r", "\u001b", "\u007f", "\u0085",
                "\u2028"));
        qt().forAll(PLAIN, hostile, integers().between(0, 200)).checkAssert((name, bad, at) -> {
            int position = at % (name.length() + 1);
            String named = name.substring(0, position) + bad + name.substring(position);
            assertThatThrownBy(() -> UploadFileNames.check(named)).isInstanceOf(InvalidParameterException.class);
        });
    }

    @Test
    void dotNamesTraversalsAndOverlongNamesAreRefused() {
        for (String name : List.of(".", "..", "../../etc/passwd", "..\\..\\boot.ini", "/etc/passwd", "C:\\photo.jpg",
                "a".repeat(UploadFileNames.MAX_LENGTH + 1))) {
            assertThatThrownBy(() -> UploadFileNames.check(name)).as(name)
                    .isInstanceOf(InvalidParameterException.class);
        }
        assertThatCode(() -> UploadFileNames.check(null)).doesNotThrowAnyException();
        assertThatCode(() -> UploadFileNames.check("photo..jpg")).doesNotThrowAnyException();
    }
}
