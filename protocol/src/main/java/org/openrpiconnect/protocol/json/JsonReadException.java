package org.openrpiconnect.protocol.json;

import java.io.IOException;

/**
 * A JSON document could not be read: its text is not JSON ({@link JsonParser}, with the line and column of the
 * fault) or its shape does not fit the type asked for ({@link JsonBinder}, with the path of the member instead).
 */
public final class JsonReadException extends IOException {
    private final String reason;
    private final int line;
    private final int column;

    /** A syntax error at a place in the text (both 1-based). */
    public JsonReadException(String reason, int line, int column) {
        super(reason + " at line " + line + ", column " + column);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** A document that is JSON but not of the expected shape: no place in the text. */
    public JsonReadException(String reason) {
        super(reason);
        this.reason = reason;
        this.line = -1;
        this.column = -1;
    }

    /** What is wrong, without the place. */
    public String reason() {
        return reason;
    }

    /** The 1-based line of the fault, or -1 when the fault is in the shape rather than the text. */
    public int line() {
        return line;
    }

    /** The 1-based column (in characters) of the fault, or -1 like {@link #line()}. */
    public int column() {
        return column;
    }

    public boolean hasLocation() {
        return line > 0;
    }

    /** A name or string from the document as a message shows it: at most 40 characters, so errors stay one line. */
    static String excerpt(String s) {
        int max = 40;
        if (s.length() <= max) return s;
        int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, cut) + "…";
    }
}
