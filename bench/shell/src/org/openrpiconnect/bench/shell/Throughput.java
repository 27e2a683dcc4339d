package org.openrpiconnect.bench.shell;

/**
 * One bulk transfer: bytes from the first received to the last, in how many messages, and the CPU time the sending
 * side (its process and children) used meanwhile.
 */
record Throughput(long bytes, long nanos, long messages, double senderCpuMillis) {
    /** MB/s, 10^6 bytes. */
    double mbPerSecond() {
        return bytes / 1e6 / (nanos / 1e9);
    }

    /** The sending side's CPU ms per MB. */
    double senderCpuPerMb() {
        return senderCpuMillis / (bytes / 1e6);
    }

    double averageMessageBytes() {
        return messages == 0 ? 0 : (double) bytes / messages;
    }
}
