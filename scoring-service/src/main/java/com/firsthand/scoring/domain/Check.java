package com.firsthand.scoring.domain;

/** One check run on a submission and its outcome, in words a worker can act on. */
public record Check(String name, boolean passed, String detail) {

    public static Check passed(String name, String detail) {
        return new Check(name, true, detail);
    }

    public static Check failed(String name, String detail) {
        return new Check(name, false, detail);
    }
}
