package com.firsthand.submissions.domain.metadata;

import static com.firsthand.submissions.domain.metadata.MetadataBytes.decode;
import static com.firsthand.submissions.domain.metadata.MetadataBytes.pixels;
import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.common.testing.SyntheticPhotos;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataStripperTest {

    @TempDir
    Path dir;

    @Test
    void aJpegLosesGpsExifXmpIptcCommentsAndTrailerButKeepsItsPixelsAndOrientation() throws Exception {
        byte[] original = MetadataBytes.phoneJpeg(6);
        assertThat(gps(original)).isNotNull();

        byte[] stripped = strip("image/jpeg", original);

        JpegImageMetadata metadata = (JpegImageMetadata) Imaging.getMetadata(stripped);
        assertThat(metadata.getExif().getGpsInfo()).isNull();
        assertThat(metadata.getExif().getAllFields()).extracting(TiffField::getTag)
                .containsExactly(TiffTagConstants.TIFF_TAG_ORIENTATION.tag);
        assertThat(metadata.findExifValue(TiffTagConstants.TIFF_TAG_ORIENTATION).getIntValue()).isEqualTo(6);
        assertThat(Imaging.getXmpXml(stripped)).isNull();
        assertThat(text(stripped)).doesNotContain("SERIAL-12345", "Home Street", "Photoshop", "http://ns.adobe.com");
        assertThat(pixels(decode(stripped))).isEqualTo(pixels(decode(original)));
        assertThat(stripped[stripped.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(stripped[stripped.length - 1] & 0xFF).isEqualTo(0xD9);
    }

    @Test
    void anUprightJpegKeepsNoExifAtAll() throws Exception {
        byte[] stripped = strip("image/jpeg", MetadataBytes.phoneJpeg(1));

        assertThat(((JpegImageMetadata) Imaging.getMetadata(stripped))).satisfiesAnyOf(
                m -> assertThat(m).isNull(), m -> assertThat(m.getExif()).isNull());
        assertThat(text(stripped)).doesNotContain("Exif");
    }

    @Test
    void baselineAndProgressiveJpegsWithoutMetadataComeOutByteForByte() throws Exception {
        byte[] plain = SyntheticPhotos.jpeg(SyntheticPhotos.scene(3, 200, 150), 0.8f);
        byte[] progressive = MetadataBytes.progressiveJpeg(SyntheticPhotos.scene(4, 200, 150));

        assertThat(strip("image/jpeg", plain)).isEqualTo(plain);
        assertThat(strip("image/jpeg", progressive)).isEqualTo(progressive);
    }

    @Test
    void aPngLosesItsTextTimeAndExifChunksButKeepsItsPixels() throws Exception {
        BufferedImage image = SyntheticPhotos.scene(11, 160, 120);
        byte[] original = MetadataBytes.pngWithText(image);

        byte[] stripped = strip("image/png", original);

        assertThat(text(stripped)).doesNotContain("tEXt", "iTXt", "zTXt", "tIME", "eXIf", "Home Street", "SERIAL");
        assertThat(stripped).isEqualTo(SyntheticPhotos.png(image));
        assertThat(pixels(decode(stripped))).isEqualTo(pixels(image));
    }

    @Test
    void aGifLosesCommentsAndXmpButKeepsItsPixels() throws Exception {
        BufferedImage image = SyntheticPhotos.scene(5, 120, 90);
        byte[] original = MetadataBytes.gifWithComments(image);

        byte[] stripped = strip("image/gif", original);

        assertThat(text(stripped)).doesNotContain("Home Street", "XMP DataXMP", "SERIAL");
        assertThat(pixels(decode(stripped))).isEqualTo(pixels(decode(original)));
    }

    @Test
    void otherFormatsAreNotRewritten() {
        assertThat(MetadataStripper.rewrites("image/jpeg")).isTrue();
        assertThat(MetadataStripper.rewrites("image/webp")).isTrue();
        assertThat(MetadataStripper.rewrites("application/pdf")).isFalse();
        assertThat(MetadataStripper.rewrites("video/mp4")).isFalse();
    }

    private byte[] strip(String type, byte[] bytes) throws Exception {
        Path source = Files.write(dir.resolve("in"), bytes);
        Path target = dir.resolve("out");
        MetadataStripper.strip(type, source, target);
        return Files.readAllBytes(target);
    }

    static Object gps(byte[] jpeg) throws Exception {
        return ((JpegImageMetadata) Imaging.getMetadata(jpeg)).getExif().getGpsInfo();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
