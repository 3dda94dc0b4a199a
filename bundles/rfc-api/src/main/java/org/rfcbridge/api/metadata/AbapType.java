package org.rfcbridge.api.metadata;

/**
 * The ABAP data types that RFC carries, with the type codes SAP uses for them and their size and
 * alignment in the ABAP Unicode layout (the layout of structures and table rows on the wire to a
 * Unicode partner, code page 4103).
 *
 * <p>Sources: {@code shared/docs/protocol-cpic.md} §2.8.1 (wire forms, EXID letters, RFCTYPE numbers
 * taken from the NW RFC SDK header as quoted by Wireshark's {@code packet-saprfc.c}). The RFCTYPE
 * numbers 32-40 of the temporal types are the SDK's order as listed by saprfclib and have not been
 * seen on the wire; they only name the types and are never sent.
 */
public enum AbapType {
    /** Character field {@code C(n)}: n UTF-16LE code units, right-padded with blanks. */
    CHAR('C', 0, -1, 2),
    /** Numeric text {@code N(n)}: n UTF-16LE digits, left-padded with {@code 0}. */
    NUMC('N', 6, -1, 2),
    /** Date {@code D}: {@code YYYYMMDD} as 8 UTF-16LE characters; {@code 00000000} is initial. */
    DATE('D', 1, 16, 2),
    /** Time {@code T}: {@code HHMMSS} as 6 UTF-16LE characters. */
    TIME('T', 3, 12, 2),
    /** Byte field {@code X(n)}: n raw bytes. */
    RAW('X', 4, -1, 1),
    /** 1-byte unsigned integer {@code b} (0..255). */
    INT1('b', 10, 1, 1),
    /** 2-byte signed integer {@code s}, little-endian. */
    INT2('s', 9, 2, 2),
    /** 4-byte signed integer {@code I}, little-endian. */
    INT4('I', 8, 4, 4),
    /** 8-byte signed integer {@code 8}, little-endian. */
    INT8('8', 31, 8, 8),
    /** Binary floating point {@code F}: IEEE-754 double, little-endian. */
    FLOAT('F', 7, 8, 8),
    /** Packed number {@code P(len) DECIMALS d}: BCD, two digits a byte, sign in the last nibble. */
    BCD('P', 2, -1, 1),
    /** Decimal floating point with 16 digits ({@code decfloat16}, IEEE 754-2008 decimal64). */
    DECF16('a', 23, 8, 8),
    /** Decimal floating point with 34 digits ({@code decfloat34}, IEEE 754-2008 decimal128). */
    DECF34('e', 24, 16, 16),
    /** Character string of variable length {@code g}: UTF-8 on the wire. */
    STRING('g', 29, 8, 8),
    /** Byte string of variable length {@code y}. */
    XSTRING('y', 30, 8, 8),
    /** Time stamp {@code utclong}: an 8-byte integer. */
    UTCLONG('p', 32, 8, 8),
    /** {@code utcsecond}: an 8-byte integer. */
    UTCSECOND('n', 33, 8, 8),
    /** {@code utcminute}: an 8-byte integer. */
    UTCMINUTE('w', 34, 8, 8),
    /** {@code dtday}: a 4-byte integer. */
    DTDAY('d', 35, 4, 4),
    /** {@code dtweek}: a 4-byte integer. */
    DTWEEK('7', 36, 4, 4),
    /** {@code dtmonth}: a 4-byte integer. */
    DTMONTH('x', 37, 4, 4),
    /** {@code tsecond}: a 4-byte integer. */
    TSECOND('t', 38, 4, 4),
    /** {@code tminute}: a 2-byte integer. */
    TMINUTE('i', 39, 2, 2),
    /** {@code cday}: a 2-byte integer. */
    CDAY('c', 40, 2, 2),
    /** Structure ({@code u} flat, {@code v} deep): its fields laid out at their offsets. */
    STRUCTURE('u', 17, -1, -1),
    /** Internal table {@code h}: rows of one structure type. */
    TABLE('h', 5, 8, 8);

    /** Bytes a deep component (string, table, deep structure) occupies in its parent's layout: a reference. */
    public static final int REFERENCE_LENGTH = 8;

    private final char exid;
    private final int rfcType;
    private final int fixedLength;
    private final int alignment;

    AbapType(char exid, int rfcType, int fixedLength, int alignment) {
        this.exid = exid;
        this.rfcType = rfcType;
        this.fixedLength = fixedLength;
        this.alignment = alignment;
    }

    /** The one-letter ABAP type code (DDIC "EXID") used in RFC metadata. */
    public char exid() {
        return exid;
    }

    /** The RFCTYPE number of the NW RFC SDK. */
    public int rfcType() {
        return rfcType;
    }

    /** True for STRING, XSTRING and TABLE: their value lives outside the flat buffer. */
    public boolean isDeep() {
        return this == STRING || this == XSTRING || this == TABLE;
    }

    /** True where the declared ABAP length decides the size (CHAR, NUMC, RAW, BCD). */
    public boolean hasDeclaredLength() {
        return fixedLength < 0 && this != STRUCTURE;
    }

    /** True for the integer-valued types including the temporal ones. */
    public boolean isInteger() {
        switch (this) {
            case INT1: case INT2: case INT4: case INT8:
            case UTCLONG: case UTCSECOND: case UTCMINUTE:
            case DTDAY: case DTWEEK: case DTMONTH: case TSECOND: case TMINUTE: case CDAY:
                return true;
            default:
                return false;
        }
    }

    /** True for types read and written as numbers (integers, FLOAT, BCD, DECF16/34). */
    public boolean isNumeric() {
        return isInteger() || this == FLOAT || this == BCD || this == DECF16 || this == DECF34;
    }

    /**
     * Bytes one value takes in the Unicode layout.
     *
     * @param declaredLength the ABAP length: characters for CHAR/NUMC, bytes for RAW and BCD;
     *                       ignored for fixed-size types
     */
    public int unicodeByteLength(int declaredLength) {
        switch (this) {
            case CHAR: case NUMC: return 2 * declaredLength;
            case RAW: case BCD: return declaredLength;
            case STRUCTURE: throw new IllegalStateException("a structure's length comes from its fields");
            default: return fixedLength;
        }
    }

    /** Alignment in the Unicode layout, in bytes (structures: the largest alignment of their fields). */
    public int alignment() {
        return alignment;
    }

    /** The type with this ABAP type code; {@code v} (deep structure) maps to {@link #STRUCTURE}. */
    public static AbapType fromExid(char exid) {
        if (exid == 'v') {
            return STRUCTURE;
        }
        for (AbapType type : values()) {
            if (type.exid == exid) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown ABAP type code '" + exid + "'");
    }
}
