package com.firsthand.scoring.service;

/**
 * An AI provider as this replica sees it.
 *
 * @param breaker          closed, open or half_open
 * @param concurrencyLimit calls allowed at once now (lowered on 429, recovering on success)
 * @param inFlight         calls out now
 * @param waiting          calls waiting for the gate (limits, Retry-After pause, open breaker)
 * @param throttled        calls answered 429 since start
 */
public record ProviderState(String breaker, int concurrencyLimit, int inFlight, int waiting, long throttled) {
}
