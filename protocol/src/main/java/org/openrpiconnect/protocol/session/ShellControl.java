package org.openrpiconnect.protocol.session;

import org.openrpiconnect.protocol.json.OmitNulls;

/**
 * A control message on the shell's data channel (a text message): {@code {"type":"resize","cols":132,"rows":43}}
 * (browser to device; 1..{@link ShellChannel#MAX_COLUMNS} columns, 1..{@link ShellChannel#MAX_ROWS} rows),
 * {@code {"type":"exit","code":0}} and {@code {"type":"error","message":"..."}} (device to browser).
 */
public record ShellControl(String type, Integer cols, Integer rows, Integer code, String message) implements OmitNulls {
    public static final String RESIZE = "resize";
    public static final String EXIT = "exit";
    public static final String ERROR = "error";

    public static ShellControl resize(int cols, int rows) {
        return new ShellControl(RESIZE, cols, rows, null, null);
    }

    public static ShellControl exit(int code) {
        return new ShellControl(EXIT, null, null, code, null);
    }

    public static ShellControl error(String message) {
        return new ShellControl(ERROR, null, null, null, message);
    }
}
