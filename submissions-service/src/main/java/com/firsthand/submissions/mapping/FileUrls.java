package com.firsthand.submissions.mapping;

import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.repository.FileStorage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Signs download URLs valid for one hour: the approved copy in the job folder, else the uploaded original. */
@ApplicationScoped
public class FileUrls {

    public static final Duration VALIDITY = Duration.ofHours(1);

    private final FileStorage storage;

    public FileUrls(FileStorage storage) {
        this.storage = storage;
    }

    public String of(Submission submission) {
        return storage.presignedGet(submission.fileKey != null ? submission.fileKey : submission.objectKey, VALIDITY);
    }
}
