package com.firsthand.submissions.mapping;

import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.FileStorage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The links a buyer gets to a submission's file: the full file (the approved copy in the job folder, signed for one
 * hour) only once it is approved and paid for; before that a preview, served by the API to the buyer's key.
 */
@ApplicationScoped
public class FileUrls {

    public static final Duration VALIDITY = Duration.ofHours(1);

    private final FileStorage storage;

    public FileUrls(FileStorage storage) {
        this.storage = storage;
    }

    /** The signed download URL of the approved copy; null for work not approved. */
    public String of(Submission submission) {
        return submission.delivered() ? storage.presignedGet(submission.fileKey, VALIDITY) : null;
    }

    /** The API path of the submission's preview; null for files that are no image or whose file was deleted. */
    public static String previewOf(Submission submission) {
        return submission.previewable() ? "/v1/submissions/" + submission.id + "/preview" : null;
    }
}
