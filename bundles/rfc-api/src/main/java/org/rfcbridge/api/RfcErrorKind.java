package org.rfcbridge.api;

/** The kinds of RFC error an ABAP caller distinguishes after {@code CALL FUNCTION ... DESTINATION}. */
public enum RfcErrorKind {
    /** A classic exception raised by the function ({@code RAISE key}); the caller's EXCEPTIONS clause maps it. */
    ABAP_EXCEPTION,
    /** An ABAP message ({@code MESSAGE} of type E/A/X) that ended the call; SYSTEM_FAILURE at the caller. */
    ABAP_MESSAGE,
    /** The call failed in the called system (short dump, unknown function, refused call): {@code SYSTEM_FAILURE}. */
    SYSTEM_FAILURE,
    /** The call could not reach or stay connected to its partner: {@code COMMUNICATION_FAILURE}. */
    COMMUNICATION_FAILURE,
    /** The partner refused the logon (user, password, client). */
    LOGON_FAILURE
}
