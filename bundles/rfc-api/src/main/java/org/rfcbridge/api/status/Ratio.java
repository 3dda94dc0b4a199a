package org.rfcbridge.api.status;

/**
 * Two counts of one row: {@code part/whole} for people, an object of two numbers in JSON.
 *
 * @param partName  the part's name in JSON, e.g. {@code registered}
 * @param part      the part, e.g. connections registered
 * @param wholeName the whole's name in JSON, e.g. {@code configured}
 * @param whole     the whole, e.g. connections configured
 */
public record Ratio(String partName, long part, String wholeName, long whole) {
    @Override
    public String toString() {
        return part + "/" + whole;
    }
}
