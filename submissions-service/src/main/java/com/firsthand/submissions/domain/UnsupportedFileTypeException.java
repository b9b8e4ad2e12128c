package com.firsthand.submissions.domain;

import java.util.List;

/** The file's type, read from its bytes, is not one the job accepts (the API answers 415). */
public class UnsupportedFileTypeException extends RuntimeException {

    public UnsupportedFileTypeException(String contentType, List<String> accepted) {
        super("The file is " + contentType + " (read from its bytes); this job accepts " + String.join(", ", accepted)
                + ".", null, false, false);
    }
}
