package org.rfcbridge.protocol.classic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.RowStream;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
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
public final class StreamedResponse implements RowStream {
    /** Receives the reply's leading parts; the rest comes from {@link #finish}. */
    @FunctionalInterface
    public interface Parts {
        /** Sends {@code b[offset, offset + length)}, a part of the reply that more bytes follow. */
        void send(byte[] b, int offset, int length) throws IOException;
    }

    private final ClassicEncoder encoder;
    private final Function function;
    private final List<ParameterMetadata> outputs;
    private final ResponseOptions headOptions;
    private final int partSize;
    private final Parts parts;
    private final ItemWriter w;
    private final Map<Table, ParameterMetadata> tables = new IdentityHashMap<>();
    private final Set<Table> streamed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ClassicEncoder.TableIds ids = new ClassicEncoder.TableIds();
    private boolean headWritten;
    /** The table whose rows are arriving. */
    private ClassicTableWriter writer;
    private long sent;

    StreamedResponse(ClassicEncoder encoder, Function function, ResponseOptions headOptions, int partSize,
                     Parts parts) {
        this.encoder = encoder;
        this.function = function;
        this.outputs = ClassicEncoder.outputs(function);
        this.headOptions = headOptions;
        this.partSize = partSize;
        this.parts = parts;
        // sized for the call as it is (small calls stay small); a streamed table fills at most a part before it is sent
        this.w = new ItemWriter((int) Math.min(ClassicEncoder.estimate(function), partSize + 65_536L));
        for (ParameterMetadata p : outputs) {
            if (p.type() == AbapType.TABLE) {
                Table table = function.parameters(p.direction()).getTable(p.name());
                if (table.metadata().isFlat()) {
                    tables.put(table, p);
                }
            }
        }
    }

    /** Makes this the row stream of the call's flat output tables; call before the call is executed. */
    public StreamedResponse streamTables() {
        tables.keySet().forEach(t -> t.streamRowsTo(this));
        return this;
    }

    /** Bytes already handed to {@link Parts}: once more than zero, the reply can no longer be replaced by an error. */
    public long sentBytes() {
        return sent;
    }

    @Override
    public void begin(Table table, int rows) {
        ParameterMetadata p = tables.get(table);
        if (p == null || !streamed.add(table)) {
            throw new IllegalStateException("table " + table.metadata().name() + " is not an output of "
                    + function.name() + " still to be written");
        }
        head();
        writer = encoder.startTable(w, p.name(), ids.next(), table.metadata().byteLength(), rows);
    }

    @Override
    public void row(Table table, byte[] source, int offset) {
        writer.row(source, offset);
        if (w.length() >= partSize) {
            try {
                parts.send(w.buffer(), 0, w.length());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sent += w.length();
            w.clear();
        }
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
        for (ParameterMetadata p : outputs) {
            if (p.type() == AbapType.TABLE && !streamed.contains(function.parameters(p.direction()).getTable(p.name()))) {
                encoder.writeOutput(w, p, function, ids);
            }
        }
        return encoder.writeResponseTail(w, options);
    }

    private void head() {
        if (!headWritten) {
            headWritten = true;
            encoder.writeResponseHead(w, function, outputs, headOptions);
        }
    }
}
