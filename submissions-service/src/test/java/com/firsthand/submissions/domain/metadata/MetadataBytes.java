package com.firsthand.submissions.domain.metadata;

import com.firsthand.common.testing.SyntheticPhotos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Builds test images carrying the metadata a phone writes: EXIF with GPS, XMP, IPTC, comments, text chunks. */
public final class MetadataBytes {

    static final String XMP = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/"
            + "02/22-rdf-syntax-ns#'><rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' "
            + "exif:GPSLatitude='48,51.5N' exif:BodySerialNumber='SERIAL-12345'/></rdf:RDF></x:xmpmeta>";

    private MetadataBytes() {
    }

    /** A photo with EXIF (GPS, orientation, camera serial), XMP, an IPTC block, a comment and a trailer. */
    public static byte[] phoneJpeg(int orientation) throws Exception {
        byte[] plain = SyntheticPhotos.jpeg(SyntheticPhotos.scene(7, 480, 320), 0.9f);
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(2.2945, 48.8584);
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "PhoneMaker SERIAL-12345");
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain, withExif, exif);
        ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp, XMP);
        byte[] jpeg = withXmp.toByteArray();
        byte[] iptc = segment(0xED, "Photoshop 3.0\08BIM\u0004\u0004\0\0\0\0\0\u0010\u001c\u0002\u0078\0\u000bBy-line 007");
        byte[] comment = segment(0xFE, "taken at 12 Home Street");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(iptc);
        out.write(comment);
        out.write(jpeg, 2, jpeg.length - 2);
        out.write(segment(0xE1, "Exif\0\0trailing secondary image SERIAL-12345"));
        return out.toByteArray();
    }

    static byte[] segment(int code, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(code);
        out.write((bytes.length + 2) >> 8);
        out.write((bytes.length + 2) & 0xFF);
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    /** A PNG with eXIf, tEXt, zTXt-like, iTXt and tIME chunks inserted after IHDR. */
    static byte[] pngWithText(BufferedImage image) {
        byte[] png = SyntheticPhotos.png(image);
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk("tEXt", "Comment\0taken at 12 Home Street"));
        out.writeBytes(chunk("iTXt", "XML:com.adobe.xmp\0\0\0\0\0" + XMP));
        out.writeBytes(chunk("zTXt", "Author\0\0xxxx"));
        out.writeBytes(chunk("tIME", "\u0007\u00ea\u000c\u0006\u000c\u0000\u0000"));
        out.writeBytes(chunk("eXIf", "MM\0*\0\0\0\u0008\0\0SERIAL-12345"));
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    static byte[] chunk(String type, String data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        byte[] dataBytes = data.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(dataBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, dataBytes.length);
        out.writeBytes(typeBytes);
        out.writeBytes(dataBytes);
        writeInt(out, (int) crc.getValue());
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    /** A GIF with a comment extension and an XMP application extension before its image. */
    static byte[] gifWithComments(BufferedImage image) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ImageIO.write(image, "gif", written);
        byte[] gif = written.toByteArray();
        int packed = gif[10] & 0xFF;
        int afterTable = 13 + ((packed & 0x80) == 0 ? 0 : 3 * (1 << ((packed & 7) + 1)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gif, 0, afterTable);
        out.writeBytes(new byte[] {0x21, (byte) 0xFE, 23});
        out.writeBytes("taken at 12 Home Street".getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.writeBytes(new byte[] {0x21, (byte) 0xFF, 11});
        out.writeBytes("XMP DataXMP".getBytes(StandardCharsets.ISO_8859_1));
        out.write(12);
        out.writeBytes("SERIAL-12345".getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.write(gif, afterTable, gif.length - afterTable);
        return out.toByteArray();
    }

    /** Several scans with tables between them: the stripper must follow markers past the first scan. */
    static byte[] progressiveJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        return bytes.toByteArray();
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
