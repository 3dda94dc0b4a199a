package org.rfcbridge.cpic.internal;

import java.io.IOException;

/** The gateway refused the registration (reginfo, SAP rc 720) or answered it with an error. */
public final class RegistrationRefusedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long sapReturnCode;

    /** Creates the exception with the gateway's text and return code. */
    public RegistrationRefusedException(String message, long sapReturnCode) {
        super(message);
        this.sapReturnCode = sapReturnCode;
    }

    /** The SAP return code, e.g. 720. */
    public long sapReturnCode() {
        return sapReturnCode;
    }
}
