package org.openrpiconnect.daemon.cloud;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client side of one WebSocket (RFC 6455) to the cloud: the upgrade, masked frames out, frames in, pings and
 * the closing handshake; no extensions. The daemon's own, not a library's: the event socket is the only WebSocket an
 * idle daemon keeps, and a library's reader, writer and ping threads and its ~50 classes were a megabyte of its
 * idle memory.
 *
 * <p>One thread reads ({@link #readUntilClosed}); any thread sends (frames are written whole, one at a time). A
 * frame or message from the server that breaks the protocol or is larger than {@link #MAX_MESSAGE} ends the
 * connection with the matching close code; it never reaches the receiver.
 */
public final class WebSocketConnection implements Closeable {
    /** Event frames are a few KB (an SDP offer is the largest); anything much larger is not the cloud's. */
    static final int MAX_MESSAGE = 1 << 20;
    static final int NORMAL = 1000;
    static final int GOING_AWAY = 1001;
    static final int PROTOCOL_ERROR = 1002;
    /** Not sent: reported when the server's close frame carried no code. */
    static final int NO_CODE = 1005;
    /** Not sent: reported when the connection ended without a close frame. */
    static final int ABNORMAL = 1006;
    static final int INVALID_DATA = 1007;
    static final int TOO_BIG = 1009;

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int TEXT = 0x1, BINARY = 0x2, CONTINUATION = 0x0, CLOSE = 0x8, PING = 0x9, PONG = 0xA;

    /** The upgrade was answered with an HTTP status other than 101 (401: the device's credential was refused). */
    static final class Refused extends IOException {
        private final int status;

        Refused(int status) {
            super("the cloud answered the WebSocket upgrade with HTTP " + status, null);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** How the connection ended: the close code and reason (sent by the server, or this side's own). */
    record Closed(int code, String reason) {}

    @FunctionalInterface
    interface Receiver {
        void onText(String text);
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SecureRandom random;
    private boolean closeSent; // guarded by out

    private WebSocketConnection(Socket socket, DataInputStream in, SecureRandom random) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.random = random;
    }

    /**
     * Connects and upgrades within {@code timeout}, sending {@code headers} with the upgrade request.
     *
     * @throws Refused when the server answered with another HTTP status
     * @throws HttpHead.NotHttp when it did not answer in HTTP
     * @throws IOException when it could not be reached, or accepted the upgrade wrongly
     */
    static WebSocketConnection open(CloudConnector connector, URI uri, Map<String, String> headers, Duration timeout)
            throws IOException {
        Socket socket = connector.open(uri, timeout, timeout);
        try {
            SecureRandom random = new SecureRandom();
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            String key = Base64.getEncoder().encodeToString(nonce);
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put("Upgrade", "websocket");
            all.put("Connection", "Upgrade");
            all.put("Sec-WebSocket-Key", key);
            all.put("Sec-WebSocket-Version", "13");
            OutputStream out = socket.getOutputStream();
            out.write(HttpHead.request("GET", uri, all));
            out.flush();
            DeadlineInputStream timed = new DeadlineInputStream(socket);
            timed.until(System.nanoTime() + timeout.toNanos()); // the whole upgrade answer, however it trickles in
            DataInputStream in = new DataInputStream(new BufferedInputStream(timed, 4096));
            HttpHead.Answer answer = HttpHead.read(in);
            if (answer.status() != 101) throw new Refused(answer.status());
            if (!answer.hasToken("upgrade", "websocket") || !answer.hasToken("connection", "upgrade")
                    || !accept(key).equals(answer.header("sec-websocket-accept"))) {
                throw new IOException("the cloud accepted the WebSocket upgrade with wrong headers");
            }
            if (answer.header("sec-websocket-extensions") != null) {
                throw new IOException("the cloud chose a WebSocket extension that was not offered");
            }
            timed.noDeadline(); // frames come when they come: readUntilClosed sets how long silence may last
            return new WebSocketConnection(socket, in, random);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The Sec-WebSocket-Accept value the server must answer for {@code key} (public for the archive training). */
    public static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /**
     * Reads frames, handing each text message to {@code receiver} and answering pings, until the connection ends;
     * returns why. A connection silent for {@code silenceLimit} counts as lost (the caller pings more often).
     */
    Closed readUntilClosed(Receiver receiver, Duration silenceLimit) {
        try {
            socket.setSoTimeout(CloudConnector.millis(silenceLimit));
            Message message = null;
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                boolean fin = (first & 0x80) != 0;
                int opcode = first & 0x0F;
                if ((first & 0x70) != 0) return fail(PROTOCOL_ERROR, "reserved bits set in a frame");
                if ((second & 0x80) != 0) return fail(PROTOCOL_ERROR, "a masked frame from the server");
                long length = second & 0x7F;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                if (length < 0) return fail(PROTOCOL_ERROR, "a frame length out of range");
                if (opcode >= CLOSE) {
                    if (!fin || length > 125) return fail(PROTOCOL_ERROR, "a fragmented or long control frame");
                    byte[] payload = new byte[(int) length];
                    in.readFully(payload);
                    switch (opcode) {
                        case PING -> send(PONG, payload);
                        case PONG -> { }
                        case CLOSE -> {
                            return closedByServer(payload);
                        }
                        default -> {
                            return fail(PROTOCOL_ERROR, "an unknown control frame " + opcode);
                        }
                    }
                    continue;
                }
                if (opcode == CONTINUATION) {
                    if (message == null) return fail(PROTOCOL_ERROR, "a continuation frame without a message");
                } else if (opcode == TEXT || opcode == BINARY) {
                    if (message != null) return fail(PROTOCOL_ERROR, "a new message within a fragmented one");
                    message = new Message(opcode == TEXT);
                } else {
                    return fail(PROTOCOL_ERROR, "an unknown frame " + opcode);
                }
                if (message.size() + length > MAX_MESSAGE) {
                    return fail(TOO_BIG, "a message larger than " + MAX_MESSAGE + " bytes");
                }
                message.append(in, (int) length);
                if (!fin) continue;
                Message done = message;
                message = null;
                if (!done.text()) continue; // the cloud sends text; binary is not part of the event API
                String text;
                try {
                    text = done.utf8();
                } catch (CharacterCodingException e) {
                    return fail(INVALID_DATA, "a text message that is not UTF-8");
                }
                receiver.onText(text);
            }
        } catch (SocketTimeoutException e) {
            closeQuietly();
            return new Closed(ABNORMAL, "nothing heard for " + silenceLimit.toSeconds() + " s");
        } catch (EOFException e) {
            closeQuietly();
            return new Closed(ABNORMAL, "connection closed without a close frame");
        } catch (IOException e) {
            closeQuietly();
            return new Closed(ABNORMAL, CloudException.Unreachable.reasonOf(e));
        }
    }

    /** Sends a text message as one frame. */
    void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    void ping() throws IOException {
        send(PING, new byte[0]);
    }

    /** Sends a close frame (once) and closes the socket: nothing more is read or sent. */
    void close(int code, String reason) {
        try {
            sendClose(code, reason);
        } catch (IOException e) {
            // the connection is going anyway
        }
        closeQuietly();
    }

    @Override
    public void close() {
        close(NORMAL, "");
    }

    private Closed closedByServer(byte[] payload) {
        if (payload.length == 1) return fail(PROTOCOL_ERROR, "a close frame of one byte");
        int code = payload.length == 0 ? NO_CODE : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        String reason = payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        try {
            sendClose(payload.length == 0 ? NORMAL : code, "");
        } catch (IOException e) {
            // the server may close its side right after its close frame: its code still counts (device removed...)
        }
        closeQuietly();
        return new Closed(code, reason);
    }

    private Closed fail(int code, String reason) {
        close(code, reason);
        return new Closed(code, reason);
    }

    private void sendClose(int code, String reason) throws IOException {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + Math.min(text.length, 123)];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, payload.length - 2);
        synchronized (out) {
            if (closeSent) return;
            closeSent = true;
            write(CLOSE, payload);
        }
    }

    private void send(int opcode, byte[] payload) throws IOException {
        synchronized (out) {
            if (closeSent) throw new IOException("the WebSocket is closing");
            write(opcode, payload);
        }
    }

    /** One whole frame, masked as a client's must be. Holding {@code out}. */
    private void write(int opcode, byte[] payload) throws IOException {
        int length = payload.length;
        int headerLength = 2 + (length < 126 ? 0 : length <= 0xFFFF ? 2 : 8) + 4;
        byte[] frame = new byte[headerLength + length];
        frame[0] = (byte) (0x80 | opcode);
        int at = 2;
        if (length < 126) {
            frame[1] = (byte) (0x80 | length);
        } else if (length <= 0xFFFF) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (length >> 8);
            frame[3] = (byte) length;
            at = 4;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) frame[2 + i] = (byte) ((long) length >> (56 - 8 * i));
            at = 10;
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        System.arraycopy(mask, 0, frame, at, 4);
        at += 4;
        for (int i = 0; i < length; i++) frame[at + i] = (byte) (payload[i] ^ mask[i & 3]);
        out.write(frame);
        out.flush();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** A message being assembled from its frames. */
    private static final class Message {
        private final boolean text;
        private byte[] bytes = new byte[0];
        private int size;

        Message(boolean text) {
            this.text = text;
        }

        boolean text() {
            return text;
        }

        int size() {
            return size;
        }

        void append(DataInputStream in, int length) throws IOException {
            if (size + length > bytes.length) {
                byte[] grown = new byte[Math.max(size + length, Math.min(MAX_MESSAGE, bytes.length * 2))];
                System.arraycopy(bytes, 0, grown, 0, size);
                bytes = grown;
            }
            in.readFully(bytes, size, length);
            size += length;
        }

        String utf8() throws CharacterCodingException {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, size)).toString();
        }
    }
}
