package org.openrpiconnect.daemon.identity;

import java.util.Arrays;

/**
 * A strict reader of the few DER elements key files are made of: one-byte tags, definite lengths in their shortest
 * form, every length checked against the bytes that are really there. Nothing more of ASN.1 is needed here.
 */
final class DerReader {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int SEQUENCE = 0x30;
    /** Key files are small: a longer element is not one of them. */
    private static final int MAX_LENGTH_BYTES = 2;

    private final byte[] der;
    private final int end;
    private int pos;

    private DerReader(byte[] der, int from, int end) {
        this.der = der;
        this.pos = from;
        this.end = end;
    }

    /** A reader of the content of {@code der}, which must be exactly one element with this tag. */
    static DerReader of(byte[] der, int tag) throws DerException {
        DerReader whole = new DerReader(der, 0, der.length);
        DerReader content = whole.read(tag);
        whole.end();
        return content;
    }

    /** The tag of a constructed context-specific field [n] (EXPLICIT tagging). */
    static int context(int n) {
        return 0xa0 | n;
    }

    /** True when the next element has this tag (false at the end). */
    boolean next(int tag) {
        return pos < end && (der[pos] & 0xff) == tag;
    }

    /** Reads the next element, which must have this tag, and returns a reader of its content. */
    DerReader read(int tag) throws DerException {
        if (pos >= end) throw new DerException("ends where " + name(tag) + " was expected");
        int found = der[pos] & 0xff;
        if (found != tag) {
            throw new DerException("has tag " + String.format("0x%02x", found) + " where " + name(tag)
                    + " was expected");
        }
        int p = pos + 1;
        if (p >= end) throw new DerException("is truncated");
        int length = der[p++] & 0xff;
        if (length >= 0x80) {
            int lengthBytes = length & 0x7f;
            if (lengthBytes == 0 || lengthBytes > MAX_LENGTH_BYTES) {
                throw new DerException("has a length form that is not DER or too long for a key");
            }
            if (lengthBytes > end - p) throw new DerException("is truncated");
            length = 0;
            for (int i = 0; i < lengthBytes; i++) length = (length << 8) | (der[p++] & 0xff);
            if (length < 0x80 || (lengthBytes == 2 && length <= 0xff)) {
                throw new DerException("has a length that is not in its shortest form (not DER)");
            }
        }
        if (length > end - p) throw new DerException("is truncated");
        pos = p + length;
        return new DerReader(der, p, p + length);
    }

    /** What is left of this element's content, as bytes. */
    byte[] rest() {
        return Arrays.copyOfRange(der, pos, end);
    }

    /** Checks that nothing follows what was read. */
    void end() throws DerException {
        if (pos != end) throw new DerException("has " + (end - pos) + " unexpected bytes at its end");
    }

    private static String name(int tag) {
        return switch (tag) {
            case INTEGER -> "an INTEGER";
            case BIT_STRING -> "a BIT STRING";
            case OCTET_STRING -> "an OCTET STRING";
            case SEQUENCE -> "a SEQUENCE";
            default -> "field [" + (tag & 0x1f) + "]";
        };
    }

    /** The bytes are not the DER shape expected; the message completes "The key's DER ...". */
    static final class DerException extends Exception {
        DerException(String message) {
            super(message, null, false, false);
        }
    }
}
