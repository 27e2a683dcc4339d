/**
 * Remote sessions: how the cloud, the browser and the device ({@code rpi-connectd}) set up one WebRTC peer
 * connection per session, and what travels over it.
 *
 * <h2>Signalling: frames on the device's event WebSocket</h2>
 * The device's event socket ({@link org.openrpiconnect.protocol.device.DeviceApi#EVENTS}) carries, besides the
 * {@link org.openrpiconnect.protocol.device.DeviceEvent} frames, {@link SessionSignal} frames in both directions:
 * JSON text frames whose {@code type} starts with {@value SessionSignal#TYPE_PREFIX}. Receivers dispatch on
 * {@code type} and ignore fields they do not know. Absent fields are left out (never {@code null}).
 * <pre>
 * cloud  -&gt; device  {"type":"session.offer","session_id":"s-1","kind":"shell","sdp":"v=0...",
 *                     "ice_servers":[{"urls":["turn:turn.example:3478?transport=udp"],"username":"1700000000:dev-1",
 *                                     "credential":"base64..."}],
 *                     "ice_transport_policy":"all"}
 * device -&gt; cloud   {"type":"session.answer","session_id":"s-1","sdp":"v=0..."}
 * both ways         {"type":"session.ice","session_id":"s-1","candidate":"candidate:...","sdp_mid":"0",
 *                    "sdp_mline_index":0}
 * cloud  -&gt; device  {"type":"session.close","session_id":"s-1"}
 * device -&gt; cloud   {"type":"session.closed","session_id":"s-1","code":"shell_disallowed",
 *                    "reason":"Remote shell access is turned off on this device. To allow it, ..."}
 * </pre>
 * <ul>
 *   <li>Only the browser makes offers (the cloud relays them; a device never creates one). The browser creates
 *       the data channel; the device answers. Each offer is a new peer connection with fresh DTLS keys.</li>
 *   <li>{@code session_id} is chosen by the cloud, unique per device, and matches {@link SessionLimits#SESSION_ID}.
 *       Every frame about a session carries it.</li>
 *   <li>{@code kind}: {@value SessionSignal#KIND_SHELL} (remote shell, see {@link ShellChannel}); other kinds are
 *       refused with {@link SessionEndCode#UNSUPPORTED_KIND}.</li>
 *   <li>{@code ice_servers}: the STUN/TURN servers for the device, TURN with time-limited credentials (TURN REST
 *       API scheme). {@code ice_transport_policy}: {@value SessionSignal#POLICY_ALL} (default when absent) or
 *       {@value SessionSignal#POLICY_RELAY} (relay candidates only).</li>
 *   <li>ICE candidates trickle both ways in {@code session.ice}, exactly as the peer produced them
 *       ({@code RTCIceCandidate.candidate / sdpMid / sdpMLineIndex}). The browser sends its offer before any of its
 *       candidates, the device its answer before any of its own; the cloud relays each direction in order. An
 *       empty {@code candidate} means end of candidates and may be left out. The device queues candidates that
 *       arrive while it is still applying the offer.</li>
 *   <li>{@code session.closed} tells the cloud that the device ended a session or refused an offer:
 *       {@code code} is a stable {@link SessionEndCode}, {@code reason} a sentence for the person at the browser
 *       (show it as is). The device sends exactly one per session it answered or refused, and one for a frame
 *       naming a session it never had ({@link SessionEndCode#UNKNOWN_SESSION}); late frames about a session that
 *       ended moments ago are dropped quietly. Frames with a missing or malformed {@code session_id} are dropped.</li>
 *   <li>{@code session.close} asks the device to end a session (the user left, the cloud gives up). The device
 *       answers with {@code session.closed} ({@link SessionEndCode#CLOSED_BY_CLOUD}).</li>
 *   <li>A session counts as active on the device (status, the session cap) from the accepted offer until its
 *       {@code session.closed}.</li>
 *   <li>The cloud passes SDP and candidates through untouched and forgets them within 60 s.</li>
 * </ul>
 *
 * <h2>Faults stay in their session</h2>
 * A malformed offer or SDP, more than {@link SessionLimits#MAX_REMOTE_CANDIDATES} candidates, an unknown session id,
 * an oversized or garbled data channel message each end (or refuse) only the session concerned, with a
 * {@code session.closed} naming why. A session that is not connected within
 * {@link SessionLimits#CONNECT_TIMEOUT_SECONDS} ends with {@link SessionEndCode#TIMEOUT}.
 */
package org.openrpiconnect.protocol.session;
