package org.rfcbridge.protocol.ddic;

import org.rfcbridge.api.data.Table;
import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FieldMetadata;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;

/**
 * The DFIES_TAB rows of DDIF_FIELDINFO_GET: 1350 bytes of UTF-16LE, of which these columns matter
 * ({@code protocol-wsrfc-2026.md} §4.2): FIELDNAME (60-120), POSITION N4 (122-130), OFFSET N6
 * (130-142), LENG N6 (322-334, characters for character types), INTLEN N6 (334-346), DECIMALS N6
 * (358-370), INTTYPE C1 (378-380). OFFSET and INTLEN come in the reply's own unit (mostly
 * non-Unicode), so widths are derived from LENG and the type and the fields are laid out again in
 * POSITION order with ABAP's alignment, not read from OFFSET.
 */
public final class FieldInfoRows {
    /** The columns the bridge reads, at their captured offsets in the 1350-byte row. */
    public static final RecordMetadata ROW = RecordMetadata.builder("DFIES")
            .field("FIELDNAME", AbapType.CHAR, 30, 0, null, null, 60)
            .field("POSITION", AbapType.NUMC, 4, 0, null, null, 122)
            .field("OFFSET", AbapType.NUMC, 6, 0, null, null, 130)
            .field("LENG", AbapType.NUMC, 6, 0, null, null, 322)
            .field("INTLEN", AbapType.NUMC, 6, 0, null, null, 334)
            .field("DECIMALS", AbapType.NUMC, 6, 0, null, null, 358)
            .field("INTTYPE", AbapType.CHAR, 1, 0, null, null, 378)
            .byteLength(1350).build();

    /** DDIF_FIELDINFO_GET as far as a client needs it. */
    public static final FunctionMetadata DDIF_FIELDINFO_GET = FunctionMetadata.builder("DDIF_FIELDINFO_GET")
            .table(Direction.TABLES, "DFIES_TAB", ROW, true)
            .parameter(Direction.IMPORT, "TABNAME", AbapType.CHAR, 30, false)
            .parameter(Direction.IMPORT, "ALL_TYPES", AbapType.CHAR, 1, true)
            .exception("NOT_FOUND", "Nothing found").build();

    private FieldInfoRows() {
    }

    /**
     * Writes the rows of a flat structure (as the simulated cloud system answers), in non-Unicode units. A
     * structure known only in part (like {@link #ROW}: the columns read, at their offsets) is described as
     * the whole it stands for: a RAW field {@code GAPn} covers each gap that alignment does not explain, so
     * a reader that lays the fields out again gets the structure's real length and offsets.
     */
    public static void write(RecordMetadata structure, Table rows) {
        int position = 1;
        int end = 0;
        int gaps = 0;
        for (FieldMetadata f : structure.fields()) {
            int packed = align(end, f.type().alignment());
            if (f.offset() > packed) {
                gap(rows, "GAP" + ++gaps, position++, f.offset() - end);
            }
            end = f.offset() + f.byteLength();
            rows.appendRow();
            rows.setValue("FIELDNAME", f.name());
            rows.setValue("POSITION", position++);
            boolean characters = f.type() == AbapType.CHAR || f.type() == AbapType.NUMC || f.type() == AbapType.DATE
                    || f.type() == AbapType.TIME;
            int length = characters ? f.byteLength() / 2 : f.type() == AbapType.BCD ? f.bcdDigits() : f.byteLength();
            rows.setValue("LENG", length);
            rows.setValue("INTLEN", characters ? f.byteLength() / 2 : f.byteLength());
            rows.setValue("OFFSET", f.offset() / (characters ? 2 : 1));
            rows.setValue("DECIMALS", f.decimals());
            rows.setValue("INTTYPE", String.valueOf(f.type().exid()));
        }
        if (structure.byteLength() > align(end, structure.alignment())) {
            gap(rows, "GAP" + ++gaps, position, structure.byteLength() - end);
        }
    }

    private static void gap(Table rows, String name, int position, int bytes) {
        rows.appendRow();
        rows.setValue("FIELDNAME", name);
        rows.setValue("POSITION", position);
        rows.setValue("LENG", bytes);
        rows.setValue("INTLEN", bytes);
        rows.setValue("INTTYPE", String.valueOf(AbapType.RAW.exid()));
    }

    private static int align(int offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    /** Reads the rows into a record type named {@code name}, laid out in POSITION order. */
    public static RecordMetadata read(String name, Table rows) {
        RecordMetadata.Builder builder = RecordMetadata.builder(name);
        if (rows.firstRow()) {
            do {
                AbapType type = AbapType.fromExid(rows.getString("INTTYPE").charAt(0));
                int leng = rows.getInt("LENG");
                int length = type == AbapType.BCD ? rows.getInt("INTLEN") : type.hasDeclaredLength() ? leng : 0;
                builder.field(rows.getString("FIELDNAME"), type, length, rows.getInt("DECIMALS"), null, null, -1);
            } while (rows.nextRow());
        }
        return builder.build();
    }
}
