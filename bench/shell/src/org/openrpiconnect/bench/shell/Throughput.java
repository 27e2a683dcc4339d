package org.openrpiconnect.bench.shell;

/** One bulk transfer: bytes from the first received to the last, in how many messages. */
record Throughput(long bytes, long nanos, long messages) {
    /** MB/s, 10^6 bytes. */
    double mbPerSecond() {
        return bytes / 1e6 / (nanos / 1e9);
    }

    double averageMessageBytes() {
        return messages == 0 ? 0 : (double) bytes / messages;
    }
}
