package com.firsthand.scoring.service;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.mp4.Mp4Directory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The basic check for files that are not images: that they are readable as their type and, where a library can
 * tell, how long they are. Text: strict UTF-8, word count. WAV: duration (javax.sound). MP4: duration (its movie
 * header, via metadata-extractor). PDF: header and end-of-file marker. MP3: the sniffed frame sync only.
 */
@ApplicationScoped
public class DocumentCheck {

    private static final long MAX_TEXT_BYTES = 10 * 1024 * 1024;

    public record Result(boolean readable, String detail) {
    }

    public Result check(Path file, String type) throws IOException {
        return switch (type) {
            case "text/plain" -> text(file);
            case "audio/wav" -> wav(file);
            case "video/mp4" -> mp4(file);
            case "application/pdf" -> pdf(file);
            default -> new Result(Files.size(file) > 0, type + ", " + Files.size(file) + " bytes (length not measured)");
        };
    }

    private Result text(Path file) throws IOException {
        if (Files.size(file) > MAX_TEXT_BYTES) {
            return new Result(false, "the text is larger than 10 MB");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString().strip();
            if (text.isEmpty()) {
                return new Result(false, "the text is empty");
            }
            int words = text.split("\\s+").length;
            return new Result(true, "readable UTF-8 text, " + words + " words");
        } catch (CharacterCodingException e) {
            return new Result(false, "the text is not valid UTF-8");
        }
    }

    private Result wav(Path file) throws IOException {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
            double seconds = format.getFrameLength() / (double) format.getFormat().getFrameRate();
            if (format.getFrameLength() <= 0) {
                return new Result(false, "the recording holds no audio frames");
            }
            return new Result(true, String.format(Locale.ROOT, "WAV audio, %.1f s", seconds));
        } catch (UnsupportedAudioFileException e) {
            return new Result(false, "the WAV header cannot be read");
        }
    }

    private Result mp4(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            Mp4Directory movie = metadata.getFirstDirectoryOfType(Mp4Directory.class);
            if (movie == null || !movie.containsTag(Mp4Directory.TAG_DURATION_SECONDS)) {
                return new Result(false, "no MP4 movie header was found");
            }
            return new Result(true, "MP4 video, " + movie.getDescription(Mp4Directory.TAG_DURATION_SECONDS) + " s");
        } catch (Exception e) {
            return new Result(false, "the MP4 structure cannot be read");
        }
    }

    private Result pdf(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            int tail = (int) Math.min(1024, raf.length());
            byte[] end = new byte[tail];
            raf.seek(raf.length() - tail);
            raf.readFully(end);
            if (!new String(end, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
                return new Result(false, "the PDF is truncated (no end-of-file marker)");
            }
            return new Result(true, "PDF document, " + raf.length() + " bytes (pages not counted)");
        }
    }
}
