package com.firsthand.scoring.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks that reject a file before any scorer sees it (1 star, no credit): the format, readability, the
 * job's minimum resolution and its location. Duplicates need the other submissions and are checked apart.
 */
public final class PreScoringChecks {

    private final List<Check> passed = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Check failed;
    private LocationFact location;

    private PreScoringChecks() {
    }

    public static PreScoringChecks run(FileFacts file, JobRequirements job) {
        PreScoringChecks checks = new PreScoringChecks();
        checks.format(file, job);
        if (checks.failed == null) {
            checks.readable(file);
        }
        if (checks.failed == null && file.isImage()) {
            checks.resolution(file, job);
        }
        if (checks.failed == null && file.isImage()) {
            checks.location(file, job);
        }
        return checks;
    }

    public Optional<Check> failure() {
        return Optional.ofNullable(failed);
    }

    /** What the photo's GPS said about the job's location; null when the job has none or it was not checked. */
    public LocationFact location() {
        return location;
    }

    public List<Check> passed() {
        return List.copyOf(passed);
    }

    /** Things the worker and buyer should know that did not reject the file (e.g. no GPS to verify). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private void format(FileFacts file, JobRequirements job) {
        if (!job.acceptedFormats().isEmpty() && !job.acceptedFormats().contains(file.detectedType())) {
            failed = Check.failed("format", "The file's content is " + file.detectedType() + ", not one of the "
                    + "accepted formats (" + String.join(", ", job.acceptedFormats()) + ").");
        } else {
            passed.add(Check.passed("format", file.detectedType()));
        }
    }

    private void readable(FileFacts file) {
        if (file.unreadable() != null) {
            failed = Check.failed("readable", "The file is corrupt or unreadable: " + file.unreadable());
        } else {
            passed.add(Check.passed("readable", file.isImage() ? "decoded" : file.summary()));
        }
    }

    private void resolution(FileFacts file, JobRequirements job) {
        int minWidth = job.minWidth() == null ? 0 : job.minWidth();
        int minHeight = job.minHeight() == null ? 0 : job.minHeight();
        String size = file.width() + "×" + file.height();
        if (file.width() < minWidth || file.height() < minHeight) {
            failed = Check.failed("resolution", "The image is " + size + "; this job needs at least "
                    + minWidth + "×" + minHeight + ". Upload the photo at full resolution.");
        } else if (minWidth > 0 || minHeight > 0) {
            passed.add(Check.passed("resolution", size + " meets the minimum " + minWidth + "×" + minHeight));
        }
    }

    private void location(FileFacts file, JobRequirements job) {
        if (job.location() == null || job.radiusKm() == null) {
            return;
        }
        if (file.location() == null) {
            location = LocationFact.unverified();
            if (job.locationRequired()) {
                failed = Check.failed("location", "The photo carries no GPS position and this job requires one. "
                        + "Turn on location (geotagging) for your camera, then take the photo at the job's location.");
                return;
            }
            notes.add("The photo carries no GPS position, so its location was not verified.");
            passed.add(Check.passed("location", "no GPS position in the photo's metadata"));
            return;
        }
        double distance = job.location().distanceKm(file.location());
        location = LocationFact.measured(distance, job.radiusKm());
        String detail = String.format(Locale.ROOT, "taken %.1f km from the job location (allowed: %.1f km)",
                distance, job.radiusKm());
        if (distance > job.radiusKm()) {
            failed = Check.failed("location", "The photo was " + detail + ".");
        } else {
            passed.add(Check.passed("location", detail));
        }
    }
}
