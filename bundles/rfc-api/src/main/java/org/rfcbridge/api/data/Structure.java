package org.rfcbridge.api.data;

import org.rfcbridge.api.metadata.RecordMetadata;

/** A structure value: one record with its own buffer, or a view into a parent record's buffer. */
public final class Structure extends Record {
    private static final Object[] NO_DEEP_VALUES = new Object[0];

    /** A new structure with every field at its initial value. */
    public Structure(RecordMetadata metadata) {
        super(metadata);
        this.buffer = new byte[metadata.byteLength()];
        metadata.writeInitial(buffer, 0);
        this.deep = metadata.deepCount() == 0 ? NO_DEEP_VALUES : new Object[metadata.deepCount()];
    }

    /** A flat structure that lives inside another record's buffer at {@code base}. */
    Structure(RecordMetadata metadata, byte[] buffer, int base) {
        super(metadata);
        this.buffer = buffer;
        this.base = base;
        this.deep = NO_DEEP_VALUES;
    }

    /** Sets every field to its initial value. */
    public void clearAll() {
        metadata.writeInitial(buffer, base);
        for (int i = 0; i < deep.length; i++) {
            if (deep[i] instanceof Table table) {
                table.clear();
            } else if (deep[i] instanceof Structure structure) {
                structure.clearAll();
            } else {
                deep[i] = null;
            }
        }
    }
}
