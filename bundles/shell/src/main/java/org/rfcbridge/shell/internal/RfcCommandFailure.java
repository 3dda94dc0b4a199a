package org.rfcbridge.shell.internal;

/**
 * A command that could not do what it was asked: the console prints the message, and
 * {@code bin/client} (so {@code ./rfcbridge client}) exits with a non-zero status.
 */
final class RfcCommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RfcCommandFailure(String message) {
        super(message);
    }
}
