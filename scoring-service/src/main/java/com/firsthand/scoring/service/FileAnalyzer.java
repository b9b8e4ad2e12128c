package com.firsthand.scoring.service;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.firsthand.common.formats.MediaTypeSniffer;
import com.firsthand.common.formats.SupportedFormats;
import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.domain.DifferenceHash;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.GeoPoint;
import com.firsthand.scoring.domain.GrayImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Reads a submitted file: its real type, its hash and, for images, pixels, perceptual hash and GPS position. */
@ApplicationScoped
public class FileAnalyzer {

    static final int ANALYSIS_MAX_SIDE = 1024;

    private final ImageDecoder decoder;
    private final DocumentCheck documents;
    private final long maxImagePixels;
    private final int previewMaxSide;

    @Inject
    public FileAnalyzer(ImageDecoder decoder, DocumentCheck documents, ScoringConfig config) {
        this(decoder, documents, config.maxImagePixels(), config.llm().imageMaxSide());
    }

    public FileAnalyzer(ImageDecoder decoder, DocumentCheck documents, long maxImagePixels, int previewMaxSide) {
        this.decoder = decoder;
        this.documents = documents;
        this.maxImagePixels = maxImagePixels;
        this.previewMaxSide = previewMaxSide;
    }

    public FileFacts analyze(Path file) throws IOException {
        String type = MediaTypeSniffer.sniff(file);
        String sha256 = sha256(file);
        if (!SupportedFormats.isSupported(type)) {
            return FileFacts.unreadable(type, sha256, "its content (" + type + ") is not a supported format");
        }
        if (!SupportedFormats.isImage(type)) {
            DocumentCheck.Result result = documents.check(file, type);
            return result.readable() ? FileFacts.document(type, sha256, result.detail())
                    : FileFacts.unreadable(type, sha256, result.detail());
        }
        ImageDecoder.Decoded decoded;
        try {
            decoded = decoder.decode(file, maxImagePixels);
        } catch (ImageDecoder.UndecodableException e) {
            return FileFacts.unreadable(type, sha256, e.getMessage());
        }
        BufferedImage image = decoded.image();
        GrayImage gray = GrayImage.of(image, ANALYSIS_MAX_SIDE);
        BufferedImage preview = ImageDecoder.downscale(image, previewMaxSide);
        return new FileFacts(type, sha256, null, decoded.width(), decoded.height(), gray, preview,
                DifferenceHash.of(gray), gpsOf(file), null);
    }

    static GeoPoint gpsOf(Path file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
                GeoLocation location = gps.getGeoLocation();
                if (location != null && !location.isZero()) {
                    return new GeoPoint(location.getLatitude(), location.getLongitude());
                }
            }
            return null;
        } catch (Exception unreadableMetadata) {
            return null;
        }
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
