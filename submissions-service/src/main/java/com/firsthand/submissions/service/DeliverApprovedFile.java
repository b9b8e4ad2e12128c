package com.firsthand.submissions.service;

import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.domain.metadata.MetadataStripper;
import com.firsthand.submissions.repository.FileStorage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an approved submission's copy into the buyer's job folder. Images are rewritten without their metadata
 * (GPS position, device serials, capture times: see {@link MetadataStripper}); other formats are copied as
 * uploaded. The key is fixed per submission, so a retried delivery overwrites the same object.
 */
@ApplicationScoped
public class DeliverApprovedFile {

    private final FileStorage storage;

    public DeliverApprovedFile(FileStorage storage) {
        this.storage = storage;
    }

    /** Returns the size in bytes of the delivered copy. */
    public long deliver(Submission submission) {
        if (!MetadataStripper.rewrites(submission.contentType)) {
            storage.copy(submission.objectKey, submission.fileKey);
            return submission.sizeBytes;
        }
        Path original = null;
        Path stripped = null;
        try {
            original = Files.createTempFile("fh-original-", ".bin");
            stripped = Files.createTempFile("fh-delivered-", ".bin");
            storage.download(submission.objectKey, original);
            MetadataStripper.strip(submission.contentType, original, stripped);
            storage.put(submission.fileKey, stripped, submission.contentType);
            return Files.size(stripped);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + submission.objectKey + " for delivery", e);
        } finally {
            deleteQuietly(original);
            deleteQuietly(stripped);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its directory
            }
        }
    }
}
