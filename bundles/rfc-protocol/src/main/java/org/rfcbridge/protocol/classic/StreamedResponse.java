package org.rfcbridge.protocol.classic;

import java.io.IOException;
import java.util.List;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * A classic success reply written while the call's output tables still fill: the bridge passes a
 * 500,000-row table from the cloud to the ABAP caller in parts instead of holding it twice
 * (docs/performance.md). Made by {@link ClassicEncoder#streamedResponse}; {@link #streamTables()}
 * arms the call's flat output tables, then every table whose producer announces its rows is written
 * as they arrive, after the scalar outputs; {@link #finish} writes the outputs not streamed and the end.
 *
 * <p>The bytes are exactly those of {@link ClassicEncoder#writeResponse} when every flat output table
 * streams, in the order of the outputs; only where the parts are cut depends on {@code partSize}.
 */
public final class StreamedResponse extends StreamedMessage {
    /** Receives the leading parts of a message; the rest comes from its {@code finish}. */
    @FunctionalInterface
    public interface Parts {
        /** Sends {@code b[offset, offset + length)}, a part of the message that more bytes follow. */
        void send(byte[] b, int offset, int length) throws IOException;
    }

    private final ResponseOptions headOptions;
    /** The active outputs, known once the request is decoded: taken when the reply's head is written. */
    private List<ParameterMetadata> outputs;
    private boolean headWritten;

    StreamedResponse(ClassicEncoder encoder, Function function, ResponseOptions headOptions, int partSize,
                     Parts parts) {
        // every table that can be an output: which are is known only when the request has arrived, which may be
        // after this (a request passed on while it arrives, issue 21)
        super(encoder, function, partSize, parts, p -> p.direction() != Direction.IMPORT);
        this.headOptions = headOptions;
    }

    /** Makes this the row stream of the call's flat output tables; call before the call is executed. */
    public StreamedResponse streamTables() {
        tables.keySet().forEach(t -> t.streamRowsTo(this));
        return this;
    }

    /**
     * Writes what is left: the head if no table was streamed, every output table not streamed (with
     * its kept rows), program name, duration and the end item; the tables stop streaming.
     *
     * @return the writer holding the reply's last part, {@code buffer()[0, length())}
     */
    public ItemWriter finish(ResponseOptions options) {
        tables.keySet().forEach(t -> t.streamRowsTo(null));
        head();
        writeTablesNotStreamed(outputs);
        return encoder.writeResponseTail(w, options);
    }

    @Override
    void head() {
        if (!headWritten) {
            headWritten = true;
            outputs = ClassicEncoder.outputs(function);
            encoder.writeResponseHead(w, function, outputs, headOptions);
        }
    }
}
