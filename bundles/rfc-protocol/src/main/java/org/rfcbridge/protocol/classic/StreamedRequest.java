package org.rfcbridge.protocol.classic;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.rfcbridge.api.data.Function;
import org.rfcbridge.api.data.RowStream;
import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.protocol.item.ItemWriter;

/**
 * A classic request written while the call's input tables still arrive from the caller: the bridge passes a
 * 500,000-row table from the ABAP caller to the cloud in parts instead of holding it (issue 21). Made by
 * {@link ClassicEncoder#streamedRequest}; {@link #streamTables()} makes it the row stream of the call's flat input
 * tables; when the first of them begins, the request's head and every input that is not a table are written (so
 * they must have arrived before it, as in SAP's replies: docs/protocol.md), then each table as its rows come;
 * {@link #finish()} writes the tables not streamed and the end, and gives the tables their row streams back.
 *
 * <p>The bytes are those of {@link ClassicEncoder#writeRequest} but for the order of the parameters: the values
 * first, then the streamed tables in the order they arrived, then the others in interface order. The items are
 * named, so the order carries no meaning for a reader ({@code ParameterChainDecoder} reads any), but SAP's own
 * requests keep interface order: whether a cloud system reads ours is unverified (docs/protocol.md).
 */
public final class StreamedRequest extends StreamedMessage {
    private final List<ParameterMetadata> inputs;
    /** The row streams the tables had before: the reply's, which the tables get back once the request is sent. */
    private final Map<Table, RowStream> previous = new IdentityHashMap<>();
    private boolean headWritten;

    StreamedRequest(ClassicEncoder encoder, Function function, int partSize, StreamedResponse.Parts parts) {
        super(encoder, function, partSize, parts, p -> p.direction() != Direction.EXPORT);
        this.inputs = ClassicEncoder.inputs(function);
    }

    /** Makes this the row stream of the call's flat input tables; call before the rest of the request is decoded. */
    public StreamedRequest streamTables() {
        for (Table table : tables.keySet()) {
            previous.put(table, table.rowStream());
            table.streamRowsTo(this);
        }
        return this;
    }

    /**
     * Writes what is left: the head and the values if no table was streamed, every input table not streamed (with
     * its kept rows) and the end item; the tables get their previous row streams back ({@link #abandon()}).
     *
     * @return the writer holding the request's last part, {@code buffer()[0, length())}
     */
    public ItemWriter finish() {
        abandon();
        head();
        writeTablesNotStreamed(inputs);
        return w.end();
    }

    /**
     * Gives the tables their previous row streams back (unless another was set since) and empties the streamed ones (their rows were passed on,
     * not kept: a reply that leaves them out gives the caller none); also for a request abandoned before
     * {@link #finish()}.
     */
    public void abandon() {
        // a table whose stream was set anew meanwhile (the reply's, armed when the request had arrived) keeps it
        previous.forEach((table, stream) -> {
            if (table.rowStream() == this) {
                table.streamRowsTo(stream);
            }
        });
        streamed.forEach(Table::clear);
    }

    @Override
    void head() {
        if (!headWritten) {
            headWritten = true;
            encoder.writeRequestHead(w, function);
            for (ParameterMetadata p : inputs) {
                if (p.type() != AbapType.TABLE) {
                    encoder.writeParameter(w, p, function, ids);
                }
            }
        }
    }
}
