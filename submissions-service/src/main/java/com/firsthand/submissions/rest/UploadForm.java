package com.firsthand.submissions.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.ErrorCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * The upload form, read as strictly as a JSON body: exactly one file part named {@code file}, at most one text part
 * {@code note}, and nothing else. One request, one file: a second file would otherwise be dropped unseen.
 */
record UploadForm(String fileName, Path file, long size, String note) {

    static final String FILE = "file";
    static final String NOTE = "note";

    static UploadForm of(MultipartFormDataInput input) {
        Map<String, Collection<FormValue>> parts = input.getValues();
        for (String name : parts.keySet()) {
            if (name == null || name.isEmpty()) {
                throw new ApiException(400, ApiException.INVALID_REQUEST, ErrorCodes.PARAMETER_UNKNOWN,
                        "Every part needs a Content-Disposition with a name (file or note).", null);
            }
            if (!FILE.equals(name) && !NOTE.equals(name)) {
                throw new ApiException(400, ApiException.INVALID_REQUEST, ErrorCodes.PARAMETER_UNKNOWN,
                        "Received unknown form field: " + name + " (an upload has the fields file and note).", name);
            }
        }
        FormValue file = single(parts, FILE, "One request carries one file: upload each file on its own.");
        if (file == null || !file.isFileItem() || file.getFileItem().getFile() == null) {
            throw ApiException.missingParam(FILE);
        }
        FormValue note = single(parts, NOTE, "Send one note with the file.");
        if (note != null && note.isFileItem()) {
            throw ApiException.invalidParam(NOTE, "note must be a text field, not a file.");
        }
        try {
            return new UploadForm(file.getFileName(), file.getFileItem().getFile(), file.getFileItem().getFileSize(),
                    note == null ? null : note.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FormValue single(Map<String, Collection<FormValue>> parts, String name, String hint) {
        Collection<FormValue> values = parts.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new ApiException(400, ApiException.INVALID_REQUEST, ErrorCodes.PARAMETER_DUPLICATED,
                    "Received " + values.size() + " " + name + " fields. " + hint, name);
        }
        return values.isEmpty() ? null : values.iterator().next();
    }
}
