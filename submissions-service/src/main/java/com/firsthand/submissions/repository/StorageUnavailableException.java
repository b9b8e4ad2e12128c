package com.firsthand.submissions.repository;

/** The object store did not complete a request, even after retries; the caller may try again later. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
