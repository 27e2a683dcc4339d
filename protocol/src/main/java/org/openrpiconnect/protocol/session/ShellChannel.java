package org.openrpiconnect.protocol.session;

/**
 * The remote shell's data channel between the browser and the device.
 *
 * <ul>
 *   <li>The browser creates exactly one data channel, labelled {@value #LABEL}, reliable and ordered (the
 *       defaults), before making its offer.</li>
 *   <li>Binary messages are terminal bytes: browser to device = keyboard input to the pty; device to browser = the
 *       pty's output (UTF-8 as the shell writes it, split anywhere, also inside a character).</li>
 *   <li>Text messages are JSON control messages, {@link ShellControl}: browser to device {@code resize} (applied
 *       in order with the keystrokes around it); device to browser {@code exit} (the shell ended with this status;
 *       the device closes about 1.5 s later unless the browser does first) and {@code error} (the device is about
 *       to end the session for the reason given: show it).</li>
 *   <li>The shell is the user's login shell with {@code TERM=xterm-256color} and {@code CONNECT_TTY=1}, 80x24 until
 *       the first resize; output sent before the channel opened is kept and arrives first.</li>
 *   <li>No message may exceed {@link #MAX_MESSAGE_BYTES}. An oversized message, a text message that is not a valid
 *       control message, or a second data channel ends the session ({@link SessionEndCode#PROTOCOL_ERROR}); unknown
 *       control {@code type}s are ignored, so either side may add types later.</li>
 *   <li>The session ends when either side closes the channel or the peer connection, or when the shell exits.</li>
 * </ul>
 */
public final class ShellChannel {
    private ShellChannel() {}

    public static final String LABEL = "shell";

    /** The largest message, binary or text, in either direction. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    /** Bounds of a resize. */
    public static final int MAX_COLUMNS = 1000;
    public static final int MAX_ROWS = 1000;
}
