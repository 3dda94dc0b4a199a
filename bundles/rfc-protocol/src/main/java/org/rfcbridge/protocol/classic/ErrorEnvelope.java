package org.rfcbridge.protocol.classic;

import org.rfcbridge.api.AbapException;
import org.rfcbridge.api.AbapMessage;
import org.rfcbridge.api.AbapMessageException;
import org.rfcbridge.api.CommunicationFailureException;
import org.rfcbridge.api.LogonFailureException;
import org.rfcbridge.api.RfcException;
import org.rfcbridge.api.SystemFailureException;
import org.rfcbridge.protocol.item.ItemIds;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * Error replies ({@code protocol-cpic.md} §2.9, {@code protocol-cpic-2026.md} §1.8): what a response's
 * error items mean, and the items that say an error.
 *
 * <p>Classification, in open-rfc's order: an exception key ({@code 0x0401}) is an ABAP exception; a
 * runtime error id ({@code 0x0403}) is a runtime failure (SYSTEM_FAILURE); a text ({@code 0x0402},
 * {@code 0x0404}) or message id ({@code 0x0415}-{@code 0x0417}) alone is an ABAP message; a non-zero
 * {@code 0x0420} is a failure with that return code; otherwise the call succeeded.
 *
 * <p>Shapes written: an exception as kernel 793 writes it (message items, then the key; a bare
 * {@code RAISE} as {@code 0417 "000"} + key, byte for byte the captured reply); a runtime failure as the
 * captured 7.52 shape (id in {@code 0x0403}, text in {@code 0x0402}). Whether an ABAP caller accepts a
 * registered server's SYSTEM_FAILURE in this shape is not public (unverified). Communication and
 * logon failures of the bridge's own partner travel as runtime failures with the ids
 * {@value #COMMUNICATION_FAILURE_ID} and {@value #LOGON_FAILURE_ID}.
 */
public final class ErrorEnvelope {
    /** Runtime error id written for a SYSTEM_FAILURE that names none. */
    public static final String DEFAULT_RUNTIME_ERROR = "CALL_FUNCTION_REMOTE_ERROR";
    /** Runtime error id of a communication failure passed on to an ABAP caller. */
    public static final String COMMUNICATION_FAILURE_ID = "RFC_COMMUNICATION_FAILURE";
    /** Runtime error id of a logon failure passed on to an ABAP caller. */
    public static final String LOGON_FAILURE_ID = "RFC_LOGON_FAILURE";
    /** Longest error text written (saprfclib cuts at 512 characters). */
    public static final int MAX_TEXT = 512;

    private String exceptionKey;
    private String text;
    private String runtimeError;
    private String t100Text;
    private final String[] variables = new String[4];
    private String messageClass;
    private String messageType;
    private String messageNumber;
    private long returnCode;

    /** Collects one error item of a response; returns false for items that are not error items. */
    boolean collect(int id, byte[] b, int offset, int length) {
        String value = Texts.decode(b, offset, length).trim();
        switch (id) {
            case ItemIds.EXCEPTION_KEY: exceptionKey = value; return true;
            case ItemIds.ERROR_TEXT: text = value; return true;
            case ItemIds.RUNTIME_ERROR: runtimeError = value; return true;
            case ItemIds.T100_TEXT: t100Text = value; return true;
            case ItemIds.MESSAGE_V1: case ItemIds.MESSAGE_V2: case ItemIds.MESSAGE_V3: case ItemIds.MESSAGE_V4:
                variables[id - ItemIds.MESSAGE_V1] = value;
                return true;
            case ItemIds.MESSAGE_CLASS: messageClass = value; return true;
            case ItemIds.MESSAGE_TYPE: messageType = value; return true;
            case ItemIds.MESSAGE_NUMBER: messageNumber = value; return true;
            case ItemIds.RETURN_CODE:
                if (length == 4) {
                    returnCode = ((b[offset] & 0xffL) << 24) | ((b[offset + 1] & 0xff) << 16)
                            | ((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff);
                }
                return true;
            default:
                return false;
        }
    }

    /**
     * The error the collected items say, or {@code null} on success.
     *
     * @param partner names the partner in texts, e.g. the destination
     */
    RfcException error(String partner) {
        AbapMessage message = messageClass != null || messageNumber != null || t100Text != null
                ? new AbapMessage(messageClass, messageType, messageNumber, variables[0], variables[1], variables[2],
                variables[3], t100Text != null ? t100Text : text)
                : null;
        if (exceptionKey != null) {
            return new AbapException(exceptionKey, text != null ? text : t100Text, message);
        }
        if (runtimeError != null) {
            String detail = text != null ? text : runtimeError;
            if (runtimeError.equals(COMMUNICATION_FAILURE_ID)) {
                return new CommunicationFailureException(detail);
            }
            if (runtimeError.equals(LOGON_FAILURE_ID)) {
                return new LogonFailureException(detail);
            }
            return new SystemFailureException(detail + (text != null ? " (runtime error " + runtimeError + ")" : ""),
                    runtimeError, null);
        }
        if (message != null || text != null) {
            if (message == null) {
                return new SystemFailureException(text);
            }
            return new AbapMessageException(message);
        }
        if (returnCode != 0) {
            return new SystemFailureException(partner + " answered with return code " + returnCode
                    + " and no error text");
        }
        return null;
    }

    /**
     * The error a reply chain reports, or {@code null} if it reports none.
     *
     * @param partner names the partner in texts
     */
    public static RfcException errorIn(byte[] b, int offset, int length, org.rfcbridge.protocol.ProtocolLimits limits,
                                       String partner) throws org.rfcbridge.protocol.RfcProtocolException {
        ErrorEnvelope envelope = new ErrorEnvelope();
        org.rfcbridge.protocol.item.ItemReader reader = new org.rfcbridge.protocol.item.ItemReader(b, offset, length,
                limits.maxItems());
        while (reader.next()) {
            envelope.collect(reader.id(), b, reader.valueOffset(), reader.valueLength());
        }
        return envelope.error(partner);
    }

    /** A whole error reply for an error, as a registered server sends it. */
    public static byte[] encode(RfcException error) {
        return encode(error, null);
    }

    /**
     * An error reply whose runtime-failure text (SYSTEM_FAILURE, COMMUNICATION_FAILURE, LOGON_FAILURE) starts
     * with {@code reference}, e.g. the bridge's call id, so SM58 and ST22 show it; an ABAP exception or message
     * is the called function's and stays as it is.
     */
    public static byte[] encode(RfcException error, String reference) {
        ItemWriter w = new ItemWriter(256).empty(ItemIds.RESPONSE_START);
        if (error instanceof AbapException e) {
            AbapMessage m = e.abapMessage();
            if (m == null) {
                w.utf16(ItemIds.MESSAGE_NUMBER, "000");
            } else {
                writeMessage(w, m);
            }
            w.utf16(ItemIds.EXCEPTION_KEY, e.key());
        } else if (error instanceof AbapMessageException e) {
            writeMessage(w, e.abapMessage());
            w.utf16(ItemIds.ERROR_TEXT, Texts.limit(e.abapMessage().text().isEmpty()
                    ? e.abapMessage().toString() : e.abapMessage().text(), MAX_TEXT));
        } else {
            String id = error instanceof CommunicationFailureException ? COMMUNICATION_FAILURE_ID
                    : error instanceof LogonFailureException ? LOGON_FAILURE_ID
                    : error instanceof SystemFailureException s && s.runtimeError() != null ? s.runtimeError()
                    : DEFAULT_RUNTIME_ERROR;
            w.utf16(ItemIds.RUNTIME_ERROR, id);
            String text = firstLine(error.getMessage());
            w.utf16(ItemIds.ERROR_TEXT, Texts.limit(reference == null ? text : reference + ": " + text, MAX_TEXT));
        }
        return w.end().toByteArray();
    }

    private static void writeMessage(ItemWriter w, AbapMessage m) {
        w.utf16(ItemIds.MESSAGE_CLASS, m.messageClass());
        w.utf16(ItemIds.MESSAGE_TYPE, m.type());
        w.utf16(ItemIds.MESSAGE_NUMBER, m.number());
        w.utf16(ItemIds.MESSAGE_V1, m.v1());
        w.utf16(ItemIds.MESSAGE_V2, m.v2());
        w.utf16(ItemIds.MESSAGE_V3, m.v3());
        w.utf16(ItemIds.MESSAGE_V4, m.v4());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
