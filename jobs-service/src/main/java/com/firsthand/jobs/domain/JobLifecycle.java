package com.firsthand.jobs.domain;

/**
 * The status a job's slot counts imply.
 *
 * <pre>
 *   open ──work starts──▶ in_progress ──every slot taken──▶ filled ──a rejection frees a slot──▶ open
 *     any of them ──files_approved = files_needed──▶ completed
 *     completed ──a buyer override rejects an approved file──▶ in_progress (or filled)
 *     open / in_progress / filled ──cancel──▶ cancelled      ──deadline passes──▶ expired
 * </pre>
 * Cancelled and expired never change again; completed only when the buyer takes an approved file back.
 */
public final class JobLifecycle {

    private JobLifecycle() {
    }

    public static JobStatus statusFor(JobStatus current, int filesNeeded, int approved, int pending, int held) {
        if (current == JobStatus.COMPLETED && approved < filesNeeded) {
            return approved + pending + held >= filesNeeded ? JobStatus.FILLED : JobStatus.IN_PROGRESS;
        }
        if (current.isFinal()) {
            return current;
        }
        if (approved >= filesNeeded) {
            return JobStatus.COMPLETED;
        }
        if (approved + pending + held >= filesNeeded) {
            return JobStatus.FILLED;
        }
        if (current == JobStatus.FILLED) {
            return JobStatus.OPEN;
        }
        if (current == JobStatus.OPEN && approved + pending + held > 0) {
            return JobStatus.IN_PROGRESS;
        }
        return current;
    }
}
