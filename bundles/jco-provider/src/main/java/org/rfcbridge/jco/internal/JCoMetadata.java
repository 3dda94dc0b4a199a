package org.rfcbridge.jco.internal;

import com.sap.conn.jco.AbapException;
import com.sap.conn.jco.JCoFunctionTemplate;
import com.sap.conn.jco.JCoListMetaData;
import com.sap.conn.jco.JCoMetaData;
import com.sap.conn.jco.JCoRecordMetaData;

import org.rfcbridge.api.metadata.AbapType;
import org.rfcbridge.api.metadata.Direction;
import org.rfcbridge.api.metadata.FunctionMetadata;
import org.rfcbridge.api.metadata.ParameterMetadata;
import org.rfcbridge.api.metadata.RecordMetadata;

/** JCo's description of a function module, as RFC Bridge's metadata. */
final class JCoMetadata {
    private JCoMetadata() {
    }

    static FunctionMetadata function(JCoFunctionTemplate template) {
        FunctionMetadata.Builder builder = FunctionMetadata.builder(template.getName());
        parameters(builder, template.getImportParameterList(), Direction.IMPORT);
        parameters(builder, template.getExportParameterList(), Direction.EXPORT);
        parameters(builder, template.getChangingParameterList(), Direction.CHANGING);
        parameters(builder, template.getTableParameterList(), Direction.TABLES);
        AbapException[] exceptions = template.getExceptionList();
        if (exceptions != null) {
            for (AbapException e : exceptions) {
                builder.exception(e.getKey(), e.getMessage());
            }
        }
        return builder.build();
    }

    private static void parameters(FunctionMetadata.Builder builder, JCoListMetaData list, Direction direction) {
        if (list == null) {
            return;                                          // JCo: no parameters of this kind
        }
        for (int i = 0; i < list.getFieldCount(); i++) {
            AbapType type = type(list, i);
            RecordMetadata recordType = type == AbapType.STRUCTURE || type == AbapType.TABLE
                    ? record(list.getRecordMetaData(i)) : null;
            builder.parameter(new ParameterMetadata(list.getName(i), direction, type, length(list, i, type),
                    list.getDecimals(i), recordType, list.isOptional(i), list.getDefault(i), list.getDescription(i)));
        }
    }

    static RecordMetadata record(JCoRecordMetaData metadata) {
        RecordMetadata.Builder builder = RecordMetadata.builder(metadata.getName());
        for (int i = 0; i < metadata.getFieldCount(); i++) {
            AbapType type = type(metadata, i);
            RecordMetadata recordType = type == AbapType.STRUCTURE || type == AbapType.TABLE
                    ? record(metadata.getRecordMetaData(i)) : null;
            builder.field(metadata.getName(i), type, length(metadata, i, type), metadata.getDecimals(i), recordType,
                    metadata.getDescription(i), -1);
        }
        return builder.build();
    }

    /** JCo's length is in characters for CHAR/NUMC and in bytes for RAW and BCD, as ours; fixed types have none. */
    private static int length(JCoMetaData metadata, int index, AbapType type) {
        switch (type) {
            case CHAR:
            case NUMC:
            case RAW:
                return metadata.getLength(index);
            case BCD:
                return metadata.getByteLength(index);
            default:
                return 0;
        }
    }

    static AbapType type(JCoMetaData metadata, int index) {
        int type = metadata.getType(index);
        switch (type) {
            case JCoMetaData.TYPE_CHAR: return AbapType.CHAR;
            case JCoMetaData.TYPE_NUM: return AbapType.NUMC;
            case JCoMetaData.TYPE_DATE: return AbapType.DATE;
            case JCoMetaData.TYPE_TIME: return AbapType.TIME;
            case JCoMetaData.TYPE_BYTE: return AbapType.RAW;
            case JCoMetaData.TYPE_INT1: return AbapType.INT1;
            case JCoMetaData.TYPE_INT2: return AbapType.INT2;
            case JCoMetaData.TYPE_INT: return AbapType.INT4;
            case JCoMetaData.TYPE_INT8: return AbapType.INT8;
            case JCoMetaData.TYPE_FLOAT: return AbapType.FLOAT;
            case JCoMetaData.TYPE_BCD: return AbapType.BCD;
            case JCoMetaData.TYPE_DECF16: return AbapType.DECF16;
            case JCoMetaData.TYPE_DECF34: return AbapType.DECF34;
            case JCoMetaData.TYPE_STRING: return AbapType.STRING;
            case JCoMetaData.TYPE_XSTRING: return AbapType.XSTRING;
            case JCoMetaData.TYPE_STRUCTURE: return AbapType.STRUCTURE;
            case JCoMetaData.TYPE_TABLE: return AbapType.TABLE;
            default:
                throw new IllegalArgumentException("field " + metadata.getName(index) + " of " + metadata.getName()
                        + " has JCo type " + type + ", which the JCo provider does not convert");
        }
    }
}
