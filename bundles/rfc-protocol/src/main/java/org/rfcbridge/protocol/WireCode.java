package org.rfcbridge.protocol;

/** An enum constant that stands for a numeric code on the wire; {@link #of} finds it by code. */
public interface WireCode {
    /** The numeric value on the wire. */
    int code();

    /** The constant with this code, or {@code null} for a code no source names. */
    static <E extends Enum<E> & WireCode> E of(Class<E> type, long code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code() == code) {
                return constant;
            }
        }
        return null;
    }
}
