package org.rfcbridge.protocol;

import java.util.EnumSet;
import java.util.Set;

/** A named bit of a flag byte in a header; {@link #of} and {@link #bits} convert between sets and bytes. */
public interface BitFlag {
    /** The bit's value, e.g. {@code 0x04}. */
    int bit();

    /** The named flags set in {@code value}; bits without a name are not in the set (keep the raw value for them). */
    static <E extends Enum<E> & BitFlag> Set<E> of(Class<E> type, int value) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E flag : type.getEnumConstants()) {
            if ((value & flag.bit()) != 0) {
                set.add(flag);
            }
        }
        return set;
    }

    /** The byte value of a set of flags. */
    static int bits(Set<? extends BitFlag> flags) {
        int value = 0;
        for (BitFlag flag : flags) {
            value |= flag.bit();
        }
        return value;
    }
}
