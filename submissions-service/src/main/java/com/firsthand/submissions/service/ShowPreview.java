package com.firsthand.submissions.service;

import com.firsthand.submissions.config.PreviewConfig;
import com.firsthand.submissions.config.StorageConfig;
import com.firsthand.submissions.domain.PreviewRefusedException.Reason;
import com.firsthand.submissions.domain.PreviewRefusedException;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.FileStorage;
import com.firsthand.submissions.repository.PreviewStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The buyer's look at an image before paying for it: a preview made once from the stored file and kept under
 * previews/. At most {@link PreviewConfig#concurrency()} previews are decoded at a time on an instance.
 */
@ApplicationScoped
public class ShowPreview {

    private static final Logger LOG = Logger.getLogger(ShowPreview.class);

    private final SubmissionQueries queries;
    private final FileStorage storage;
    private final PreviewStore previews;
    private final PreviewConfig config;
    private final PreviewRenderer renderer;
    private final Semaphore decoders;

    public ShowPreview(SubmissionQueries queries, FileStorage storage, PreviewStore previews, PreviewConfig config,
            StorageConfig storageConfig) {
        this.queries = queries;
        this.storage = storage;
        this.previews = previews;
        this.config = config;
        this.renderer = new PreviewRenderer(config.maxSide(), storageConfig.maxImagePixels());
        this.decoders = new Semaphore(config.concurrency());
    }

    /** The preview JPEG of the organisation's submission; anyone else's is not found, other files have none. */
    public byte[] preview(String orgId, String submissionId) {
        Submission submission = QuarkusTransaction.requiringNew().call(() -> queries.getForOrg(orgId, submissionId));
        if (!submission.contentType.startsWith("image/")) {
            throw new PreviewRefusedException(Reason.NOT_AN_IMAGE, "Only images have a preview;"
                    + " this submission is " + submission.contentType + ".");
        }
        if (!submission.previewable()) {
            throw new PreviewRefusedException(Reason.FILE_DELETED, "The file of this rejected"
                    + " submission was deleted when its retention period ended; it has no preview any more.");
        }
        String key = PreviewStore.key(submission.orgId, submission.jobId, submission.id);
        Optional<byte[]> made = previews.find(key);
        if (made.isPresent()) {
            return made.get();
        }
        byte[] preview = render(submission);
        previews.put(key, preview);
        return preview;
    }

    private byte[] render(Submission submission) {
        acquireDecoder();
        Path file = null;
        try {
            file = Files.createTempFile("preview-", ".img");
            storage.download(submission.previewSourceKey(), file);
            return renderer.render(file);
        } catch (PreviewRenderer.UnrenderableException e) {
            LOG.infof("No preview for %s: %s", submission.id, e.getMessage());
            throw new PreviewRefusedException(Reason.UNDECODABLE, "This image cannot be decoded into a preview.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            decoders.release();
            deleteQuietly(file);
        }
    }

    private void acquireDecoder() {
        try {
            if (decoders.tryAcquire(config.queueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new PreviewRefusedException(Reason.BUSY, "Previews are being made for other requests;"
                + " retry shortly.");
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warnf("Temporary preview source %s not deleted: %s", file, e.toString());
        }
    }
}
