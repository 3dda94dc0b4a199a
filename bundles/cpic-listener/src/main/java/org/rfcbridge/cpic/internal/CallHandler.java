package org.rfcbridge.cpic.internal;

import java.io.IOException;

import org.rfcbridge.api.RfcException;
import org.rfcbridge.protocol.classic.ErrorEnvelope;
import org.rfcbridge.protocol.classic.StreamedResponse;

/** What a registered connection does with a relayed logon or call: the reply chain for the request chain. */
@FunctionalInterface
public interface CallHandler {
    /**
     * Answers one relayed request. A large reply may be sent in leading parts through {@code parts}
     * while it is produced; the returned bytes complete it.
     *
     * @param chain the request's item chain as the gateway relayed it (logon context, then the call)
     * @param parts sends a leading part of the reply to the gateway at once
     * @return the reply's item chain, or its rest after the parts; never {@code null}: errors are reply chains too
     * @throws IOException if a reply of which parts were sent cannot be completed: the connection then closes,
     *                     and the gateway ends the conversation for the caller (COMMUNICATION_FAILURE)
     */
    byte[] handle(byte[] chain, StreamedResponse.Parts parts) throws IOException;

    /**
     * Answers one relayed request as {@link #handle(byte[], StreamedResponse.Parts)} does, giving the reply's rest to
     * {@code answer} once it is ready: before this returns, or later on the thread that received the destination's
     * reply, which must not wait (so the calling thread can go back to the gateway at once). This default answers on
     * the calling thread.
     *
     * @throws IOException as {@link #handle(byte[], StreamedResponse.Parts)}, when the reply is answered before this
     *                     returns
     */
    default void handle(byte[] chain, StreamedResponse.Parts parts, Answer answer) throws IOException {
        answer.send(handle(chain, parts));
    }

    /** Where a reply goes once it is ready, from whichever thread has it. */
    interface Answer {
        /**
         * Sends the reply's rest (after the leading parts) to the gateway and ends the conversation.
         *
         * @throws IOException if it could not be sent
         */
        void send(byte[] rest) throws IOException;

        /**
         * Leading parts of the reply are with the caller and the rest cannot follow: the connection closes, so the
         * gateway ends the conversation and the caller gets COMMUNICATION_FAILURE.
         */
        void abort(IOException why);
    }

    /**
     * Answers a request that was refused while it arrived (it was read to its end and not kept).
     *
     * @param beginning    the request's first fragment, for who called what
     * @param requestBytes the request's size
     * @param reason       what the ABAP caller is told
     * @return the error reply's item chain
     */
    default byte[] refuse(byte[] beginning, long requestBytes, RfcException reason) {
        return ErrorEnvelope.encode(reason, "");
    }

    /**
     * Asked once when a request has grown past {@link RequestAdmission#SMALL_REQUEST_BYTES} and is not complete:
     * a call that passes the rest on while it arrives, or null (the default) to have the request gathered whole.
     *
     * @param head the request so far, which holds its logon context and the function's name
     */
    default ArrivingCall arriving(byte[] head) {
        return null;
    }

    /** A call whose request is passed on while it arrives. */
    @FunctionalInterface
    interface ArrivingCall {
        /**
         * Answers the call as {@link #handle} does, on the calling thread, reading the rest of its request from {@code
         * rest} to its end (whatever else happens, unless reading fails).
         *
         * @throws IOException as {@link #handle}, and if the rest cannot be read (the connection then closes)
         */
        void handle(RequestRest rest, StreamedResponse.Parts parts, Answer answer) throws IOException;
    }

    /** The rest of a request as it arrives: the data of its records. */
    @FunctionalInterface
    interface RequestRest {
        /** The data of the request's next record, waiting for it; null after the last. */
        byte[] next() throws IOException;
    }
}
