package org.rfcbridge.api;

/**
 * Counters of a listener since it started.
 *
 * @param calls    calls served
 * @param errors   calls that ended in an error returned to the caller
 * @param bytesIn  bytes received from the gateway
 * @param bytesOut bytes sent to the gateway
 * @param busy     connections serving a call now
 * @param peakBusy most connections busy at once
 */
public record ListenerStatistics(long calls, long errors, long bytesIn, long bytesOut, int busy, int peakBusy) {
}
