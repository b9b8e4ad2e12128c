package com.firsthand.submissions.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadsInFlightTest {

    private final UploadsInFlight uploads = new UploadsInFlight(2, 1_000);

    @Test
    void aWorkerHasAtMostItsShareInFlightAndAReleaseFreesItOnce() {
        UploadsInFlight.Admission first = uploads.admit("wkr_a", 100);
        UploadsInFlight.Admission second = uploads.admit("wkr_a", 100);
        assertThat(uploads.admit("wkr_a", 100).refusal()).isEqualTo(UploadsInFlight.Refusal.WORKER_BUSY);
        assertThat(uploads.admit("wkr_b", 100).ticket()).as("another worker").isNotNull();

        first.ticket().release();
        first.ticket().release();
        assertThat(uploads.inFlight("wkr_a")).isEqualTo(1);
        assertThat(uploads.admit("wkr_a", 100).ticket()).isNotNull();
        assertThat(uploads.admit("wkr_a", 100).refusal()).isEqualTo(UploadsInFlight.Refusal.WORKER_BUSY);
        second.ticket().release();
        assertThat(uploads.spooledBytes()).isEqualTo(200);
    }

    @Test
    void theDeclaredBytesOfAllUploadsStayWithinTheBudget() {
        UploadsInFlight.Admission big = uploads.admit("wkr_a", 900);
        assertThat(uploads.admit("wkr_b", 101).refusal()).isEqualTo(UploadsInFlight.Refusal.SPOOL_FULL);
        assertThat(uploads.admit("wkr_b", 100).ticket()).isNotNull();
        assertThat(uploads.inFlight("wkr_b")).isEqualTo(1);
        big.ticket().release();
        assertThat(uploads.admit("wkr_c", 900).ticket()).isNotNull();
        assertThat(uploads.spooledBytes()).isEqualTo(1_000);
    }
}
