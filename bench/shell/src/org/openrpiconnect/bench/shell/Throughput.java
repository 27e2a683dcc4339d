package org.openrpiconnect.bench.shell;

/**
 * One bulk transfer: bytes from the first received to the last, in how many messages, the CPU time the sending
 * side (its process and children) and the receiving side (this process) used meanwhile, and how busy all the
 * machine's cores were.
 */
record Throughput(long bytes, long nanos, long messages, double senderCpuMillis, double receiverCpuMillis,
                  double machineBusyPercent) {
    /** MB/s, 10^6 bytes. */
    double mbPerSecond() {
        return bytes / 1e6 / (nanos / 1e9);
    }

    /** The sending side's CPU ms per MB. */
    double senderCpuPerMb() {
        return senderCpuMillis / (bytes / 1e6);
    }

    /** The receiving side's CPU ms per MB. */
    double receiverCpuPerMb() {
        return receiverCpuMillis / (bytes / 1e6);
    }

    double averageMessageBytes() {
        return messages == 0 ? 0 : (double) bytes / messages;
    }
}
