package dev.memtrack.simulator.segmentation;

/**
 * A logical address (segment, offset) translated to a physical one, or the protection fault it
 * caused: a fault is a value, never an exception.
 *
 * @param segment         segment name
 * @param offset          offset within the segment
 * @param physicalAddress {@code base + offset}, or -1 on a fault
 * @param fault           whether the offset is outside {@code 0..limit-1} or the segment does not exist
 * @param message         why it faulted; empty otherwise
 */
public record AddressTranslation(String segment, long offset, long physicalAddress, boolean fault, String message) {

    static AddressTranslation ok(String segment, long offset, long physicalAddress) {
        return new AddressTranslation(segment, offset, physicalAddress, false, "");
    }

    static AddressTranslation fault(String segment, long offset, String message) {
        return new AddressTranslation(segment, offset, -1, true, message);
    }
}
