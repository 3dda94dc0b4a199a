package org.rfcbridge.protocol.classic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.RowStream;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * A classic message written while its tables' rows still arrive ({@link StreamedResponse}, {@link StreamedRequest}):
 * the row stream of the call's flat tables that the message carries; a table's head is written when its rows are
 * announced, after the message's own head, then its rows; whenever more than {@code partSize} bytes are written,
 * they are handed to the parts and forgotten, so the message never has to fit in memory.
 */
abstract class StreamedMessage implements RowStream {
    final ClassicEncoder encoder;
    final Function function;
    final ItemWriter w;
    /** The flat tables this message may carry, with their parameters. */
    final Map<Table, ParameterMetadata> tables = new IdentityHashMap<>();
    /** The tables whose rows were passed on. */
    final Set<Table> streamed = Collections.newSetFromMap(new IdentityHashMap<>());
    final ClassicEncoder.TableIds ids = new ClassicEncoder.TableIds();
    private final int partSize;
    private final StreamedResponse.Parts parts;
    /** The table whose rows are arriving. */
    private ClassicTableWriter writer;
    private long sent;

    StreamedMessage(ClassicEncoder encoder, Function function, int partSize, StreamedResponse.Parts parts,
                    Predicate<ParameterMetadata> carries) {
        this.encoder = encoder;
        this.function = function;
        this.partSize = partSize;
        this.parts = parts;
        // sized for the call as it is (small calls stay small); a streamed table fills at most a part before it is sent
        this.w = new ItemWriter((int) Math.min(ClassicEncoder.estimate(function), partSize + 65_536L));
        for (ParameterMetadata p : function.metadata().parameters()) {
            if (p.type() == AbapType.TABLE && carries.test(p)) {
                Table table = function.parameters(p.direction()).getTable(p.name());
                if (table.metadata().isFlat()) {
                    tables.put(table, p);
                }
            }
        }
    }

    /** Bytes already handed to the parts: once more than zero, the message can no longer be taken back. */
    public long sentBytes() {
        return sent;
    }

    /** Writes the message's head and the values before its tables, once. */
    abstract void head();

    @Override
    public void begin(Table table, int rows) {
        ParameterMetadata p = tables.get(table);
        if (p == null || !streamed.add(table)) {
            throw new IllegalStateException("table " + table.metadata().name() + " is not a table of "
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

    /** Writes the tables among {@code parameters} whose rows were not passed on, with the rows they keep. */
    void writeTablesNotStreamed(List<ParameterMetadata> parameters) {
        for (ParameterMetadata p : parameters) {
            if (p.type() == AbapType.TABLE && !streamed.contains(function.parameters(p.direction()).getTable(p.name()))) {
                encoder.writeParameter(w, p, function, ids);
            }
        }
    }
}
