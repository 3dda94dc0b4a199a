package org.rfcbridge.api;

import java.time.Instant;

/**
 * One registered connection of a listener.
 *
 * @param index     the connection's number within its listener, from 0
 * @param state     its state
 * @param since     when it entered the state
 * @param lastError the last error text, empty if none
 */
public record ConnectionStatus(int index, ConnectionState state, Instant since, String lastError) {
}
