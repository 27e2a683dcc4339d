package org.openrpiconnect.cloud.session;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.cloud.MutableClock;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.session.SessionLimits;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRelayTest {
    private static final String SDP = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=ice-ufrag:abcd\r\na=ice-pwd:secretpasswordsecretpass\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n";
    private static final String CANDIDATE = "candidate:1 1 udp 2122260223 192.0.2.2 54321 typ host generation 0";

    private final MutableClock clock = new MutableClock();
    private final FakeDevices devices = new FakeDevices();
    private final SessionRelay relay = new SessionRelay(devices, new IceServers(new IceSettings(
            "stun:127.0.0.1:3478", List.of("turn:127.0.0.1:3478?transport=udp"), "s3cret", Duration.ofHours(1)),
            clock), clock);

    /** A device with an open event socket, recording what it was sent. */
    static final class FakeDevices implements DeviceLine {
        final Set<String> online = new HashSet<>();
        final List<String> sent = new ArrayList<>();

        @Override
        public boolean connected(String deviceId) {
            return online.contains(deviceId);
        }

        @Override
        public boolean send(String deviceId, String text) {
            if (!online.contains(deviceId)) return false;
            sent.add(deviceId + " " + text);
            return true;
        }

        SessionSignal last(String deviceId) {
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (sent.get(i).startsWith(deviceId + " ")) {
                    return Json.read(sent.get(i).substring(deviceId.length() + 1), SessionSignal.class);
                }
            }
            return null;
        }
    }

    static final class FakeBrowser implements BrowserEnd {
        final List<SessionSignal> frames = new ArrayList<>();
        boolean closed;

        @Override
        public void send(String text) {
            frames.add(Json.read(text, SessionSignal.class));
        }

        @Override
        public void close() {
            closed = true;
        }

        SessionSignal last() {
            return frames.get(frames.size() - 1);
        }
    }

    private String openAndOffer(String deviceId, FakeBrowser browser) {
        devices.online.add(deviceId);
        String id = relay.open(deviceId, "user-1", false, browser);
        relay.fromBrowser(id, "{\"type\":\"session.offer\",\"sdp\":" + Json.write(SDP) + "}");
        return id;
    }

    @Test
    void browser_gets_a_session_id_and_its_own_turn_credential_first() {
        devices.online.add("dev-1");
        FakeBrowser browser = new FakeBrowser();
        String id = relay.open("dev-1", "user-1", false, browser);
        assertTrue(SessionLimits.validSessionId(id), id);
        SessionSignal ready = browser.last();
        assertEquals(SessionRelay.READY, ready.type());
        assertEquals(id, ready.sessionId());
        assertEquals(SessionSignal.POLICY_ALL, ready.iceTransportPolicy());
        assertEquals(2, ready.iceServers().size());
        assertTrue(ready.iceServers().get(1).username().endsWith(":user-1"), ready.iceServers().toString());
        assertFalse(browser.closed);
    }

    @Test
    void offer_reaches_the_device_untouched_with_the_session_id_and_the_device_credential() {
        FakeBrowser browser = new FakeBrowser();
        String id = openAndOffer("dev-1", browser);
        SessionSignal offer = devices.last("dev-1");
        assertEquals(SessionSignal.OFFER, offer.type());
        assertEquals(id, offer.sessionId());
        assertEquals(SessionSignal.KIND_SHELL, offer.kind());
        assertEquals(SDP, offer.sdp());
        assertEquals(SessionSignal.POLICY_ALL, offer.iceTransportPolicy());
        assertTrue(offer.iceServers().get(1).username().endsWith(":dev-1"), offer.iceServers().toString());
    }

    @Test
    void candidates_pass_both_ways_untouched_and_the_answer_reaches_the_browser() {
        FakeBrowser browser = new FakeBrowser();
        String id = openAndOffer("dev-1", browser);
        relay.fromBrowser(id, "{\"type\":\"session.ice\",\"candidate\":\"" + CANDIDATE
                + "\",\"sdp_mid\":\"0\",\"sdp_mline_index\":0}");
        SessionSignal toDevice = devices.last("dev-1");
        assertEquals(SessionSignal.ice(id, CANDIDATE, "0", 0), toDevice);

        relay.fromDevice("dev-1", SessionSignal.answer(id, SDP));
        assertEquals(SessionSignal.answer(id, SDP), browser.last());
        relay.fromDevice("dev-1", SessionSignal.ice(id, CANDIDATE, "0", 0));
        assertEquals(SessionSignal.ice(id, CANDIDATE, "0", 0), browser.last());
    }

    @Test
    void relay_only_sets_policy_relay_for_both_peers() {
        devices.online.add("dev-1");
        FakeBrowser browser = new FakeBrowser();
        String id = relay.open("dev-1", "user-1", true, browser);
        assertEquals(SessionSignal.POLICY_RELAY, browser.last().iceTransportPolicy());
        relay.fromBrowser(id, "{\"type\":\"session.offer\",\"sdp\":\"v=0\"}");
        assertEquals(SessionSignal.POLICY_RELAY, devices.last("dev-1").iceTransportPolicy());
    }

    @Test
    void relay_only_without_a_turn_server_is_refused_with_what_to_do() {
        SessionRelay noTurn = new SessionRelay(devices, new IceServers(IceSettings.none(), clock), clock);
        devices.online.add("dev-1");
        FakeBrowser browser = new FakeBrowser();
        assertNull(noTurn.open("dev-1", "user-1", true, browser));
        assertEquals(SessionSignal.CLOSED, browser.last().type());
        assertEquals(RelayEndCode.RELAY_UNAVAILABLE.wire(), browser.last().code());
        assertTrue(browser.last().reason().contains("--turn-url"), browser.last().reason());
        assertTrue(browser.closed);
    }

    @Test
    void offline_device_is_refused_and_nothing_is_sent() {
        FakeBrowser browser = new FakeBrowser();
        assertNull(relay.open("dev-off", "user-1", false, browser));
        assertEquals(RelayEndCode.DEVICE_OFFLINE.wire(), browser.last().code());
        assertTrue(browser.closed);
        assertTrue(devices.sent.isEmpty());
    }

    @Test
    void device_refusal_reaches_the_browser_verbatim_and_ends_the_session() {
        FakeBrowser browser = new FakeBrowser();
        String id = openAndOffer("dev-1", browser);
        String reason = "Remote shell access is turned off on this device. To allow it, run rpi-connect shell on on"
                + " the device.";
        relay.fromDevice("dev-1", new SessionSignal(SessionSignal.CLOSED, id, null, null, null, null, null, null,
                null, "shell_disallowed", reason));
        assertEquals(SessionSignal.CLOSED, browser.last().type());
        assertEquals("shell_disallowed", browser.last().code());
        assertEquals(reason, browser.last().reason());
        assertTrue(browser.closed);
        assertEquals(0, relay.size());
    }

    @Test
    void active_sessions_count_from_answer_to_closed() {
        FakeBrowser a = new FakeBrowser();
        FakeBrowser b = new FakeBrowser();
        String first = openAndOffer("dev-1", a);
        String second = openAndOffer("dev-1", b);
        assertEquals(0, relay.activeSessions("dev-1"), "offered, not answered: not active yet");
        relay.fromDevice("dev-1", SessionSignal.answer(first, SDP));
        relay.fromDevice("dev-1", SessionSignal.answer(second, SDP));
        assertEquals(2, relay.activeSessions("dev-1"));
        relay.fromDevice("dev-1", SessionSignal.closed(first, org.openrpiconnect.protocol.session.SessionEndCode
                .SHELL_EXITED, "The shell exited."));
        assertEquals(1, relay.activeSessions("dev-1"));
        relay.browserGone(second);
        assertEquals(1, relay.activeSessions("dev-1"), "still counted until the device confirms the close");
        relay.fromDevice("dev-1", SessionSignal.closed(second, org.openrpiconnect.protocol.session.SessionEndCode
                .CLOSED_BY_CLOUD, "Closed."));
        assertEquals(0, relay.activeSessions("dev-1"));
        assertEquals(0, relay.size());
    }

    @Test
    void browser_leaving_asks_the_device_to_close() {
        FakeBrowser browser = new FakeBrowser();
        String id = openAndOffer("dev-1", browser);
        relay.fromDevice("dev-1", SessionSignal.answer(id, SDP));
        relay.browserGone(id);
        assertEquals(SessionSignal.close(id), devices.last("dev-1"));
    }

    @Test
    void frames_naming_another_devices_session_are_dropped() {
        FakeBrowser browser = new FakeBrowser();
        String id = openAndOffer("dev-1", browser);
        devices.online.add("dev-2");
        int framesBefore = browser.frames.size();
        relay.fromDevice("dev-2", SessionSignal.answer(id, "v=0 forged"));
        relay.fromDevice("dev-2", SessionSignal.closed(id, org.openrpiconnect.protocol.session.SessionEndCode
                .INTERNAL, "forged"));
        assertEquals(framesBefore, browser.frames.size());
        assertFalse(browser.closed);
        assertEquals(0, relay.activeSessions("dev-1"));
    }

    @Test
    void a_device_cannot_make_an_offer() {
        devices.online.add("dev-1");
        FakeBrowser browser = new FakeBrowser();
        String id = relay.open("dev-1", "user-1", false, browser);
        relay.fromDevice("dev-1", SessionSignal.offer(id, "shell", SDP, List.of(), null));
        assertEquals(1, browser.frames.size(), "only the ready frame: " + browser.frames);
        assertTrue(devices.sent.isEmpty());
    }

    @Test
    void garbled_or_oversized_browser_frames_end_only_that_session() {
        FakeBrowser bad = new FakeBrowser();
        FakeBrowser good = new FakeBrowser();
        String badId = openAndOffer("dev-1", bad);
        String goodId = openAndOffer("dev-1", good);
        relay.fromBrowser(badId, "{not json");
        assertEquals(RelayEndCode.PROTOCOL_ERROR.wire(), bad.last().code());
        assertTrue(bad.closed);
        assertEquals(SessionSignal.close(badId), devices.last("dev-1"), "the device drops the session too");

        relay.fromDevice("dev-1", SessionSignal.answer(goodId, SDP));
        assertEquals(SessionSignal.ANSWER, good.last().type());
        assertFalse(good.closed);

        FakeBrowser huge = new FakeBrowser();
        devices.online.add("dev-1");
        String hugeId = relay.open("dev-1", "user-1", false, huge);
        relay.fromBrowser(hugeId, "{\"type\":\"session.offer\",\"sdp\":\"" + "a".repeat(SessionLimits.MAX_SDP_CHARS
                + 1) + "\"}");
        assertEquals(RelayEndCode.PROTOCOL_ERROR.wire(), huge.last().code());
    }

    @Test
    void a_candidate_flood_from_the_browser_ends_the_session() {
        FakeBrowser browser = new FakeBrowser();
        String id = openAndOffer("dev-1", browser);
        for (int i = 0; i < SessionRelay.MAX_BROWSER_FRAMES + 5 && !browser.closed; i++) {
            relay.fromBrowser(id, "{\"type\":\"session.ice\",\"candidate\":\"" + CANDIDATE + "\"}");
        }
        assertTrue(browser.closed);
        assertEquals(RelayEndCode.PROTOCOL_ERROR.wire(), browser.last().code());
        long relayed = devices.sent.stream().filter(s -> s.contains("session.ice")).count();
        assertTrue(relayed < SessionRelay.MAX_BROWSER_FRAMES, "relayed " + relayed);
    }

    @Test
    void unanswered_offer_times_out_and_the_device_is_told_to_close() {
        FakeBrowser browser = new FakeBrowser();
        String id = openAndOffer("dev-1", browser);
        relay.sweep();
        assertFalse(browser.closed);
        clock.advance(SessionRelay.ANSWER_TIMEOUT.plusSeconds(1));
        relay.sweep();
        assertTrue(browser.closed);
        assertEquals(RelayEndCode.TIMEOUT.wire(), browser.last().code());
        assertEquals(SessionSignal.close(id), devices.last("dev-1"));
        assertEquals(0, relay.size());
    }

    @Test
    void closed_sessions_are_forgotten_within_a_minute_even_without_the_device() {
        FakeBrowser browser = new FakeBrowser();
        String id = openAndOffer("dev-1", browser);
        relay.fromDevice("dev-1", SessionSignal.answer(id, SDP));
        relay.browserGone(id);
        clock.advance(SessionRelay.CLOSE_GRACE.plusSeconds(1));
        relay.sweep();
        assertEquals(0, relay.size());
        assertEquals(0, relay.activeSessions("dev-1"));
    }

    @Test
    void device_going_offline_fails_sessions_still_being_set_up() {
        FakeBrowser pending = new FakeBrowser();
        FakeBrowser answered = new FakeBrowser();
        openAndOffer("dev-1", pending);
        String answeredId = openAndOffer("dev-1", answered);
        relay.fromDevice("dev-1", SessionSignal.answer(answeredId, SDP));
        devices.online.remove("dev-1");
        relay.deviceDisconnected("dev-1");
        assertTrue(pending.closed);
        assertEquals(RelayEndCode.DEVICE_OFFLINE.wire(), pending.last().code());
        assertFalse(answered.closed, "an answered session may go on peer to peer");
        assertEquals(1, relay.activeSessions("dev-1"));
    }

    @Test
    void too_many_sessions_being_set_up_at_once_are_refused() {
        devices.online.add("dev-1");
        for (int i = 0; i < SessionRelay.MAX_PENDING_PER_DEVICE; i++) {
            assertNotNull(relay.open("dev-1", "user-1", false, new FakeBrowser()));
        }
        FakeBrowser one = new FakeBrowser();
        assertNull(relay.open("dev-1", "user-1", false, one));
        assertEquals(RelayEndCode.BUSY.wire(), one.last().code());
    }
}
