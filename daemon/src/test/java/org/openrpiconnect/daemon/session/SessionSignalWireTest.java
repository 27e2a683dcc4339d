package org.openrpiconnect.daemon.session;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.json.JsonValue;
import org.openrpiconnect.protocol.session.IceServer;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.openrpiconnect.protocol.session.ShellControl;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session frames and control messages as they appear on the wire: what the cloud and the browser code against. */
class SessionSignalWireTest {
    @Test
    void offer_is_written_in_snake_case_without_absent_fields() {
        String json = Json.write(SessionSignal.offer("s-1", "shell", "v=0",
                List.of(new IceServer(List.of("turn:t.example:3478?transport=udp"), "1700000000:dev-1", "pw")),
                "relay"));
        assertEquals("{\"type\":\"session.offer\",\"session_id\":\"s-1\",\"kind\":\"shell\",\"sdp\":\"v=0\","
                + "\"ice_servers\":[{\"urls\":[\"turn:t.example:3478?transport=udp\"],\"username\":\"1700000000:dev-1\","
                + "\"credential\":\"pw\"}],\"ice_transport_policy\":\"relay\"}", json);
    }

    @Test
    void ice_and_closed_frames_have_the_documented_fields() {
        assertEquals("{\"type\":\"session.ice\",\"session_id\":\"s-1\",\"candidate\":\"candidate:1 1 udp 1 1.2.3.4 5 "
                + "typ host\",\"sdp_mid\":\"0\",\"sdp_mline_index\":0}", Json.write(SessionSignal.ice("s-1",
                "candidate:1 1 udp 1 1.2.3.4 5 typ host", "0", 0)));
        assertEquals("{\"type\":\"session.closed\",\"session_id\":\"s-1\",\"code\":\"session_limit\",\"reason\":\"r\"}",
                Json.write(SessionSignal.closed("s-1", SessionEndCode.SESSION_LIMIT, "r")));
        assertEquals("{\"type\":\"session.answer\",\"session_id\":\"s-1\",\"sdp\":\"v=0\"}",
                Json.write(SessionSignal.answer("s-1", "v=0")));
    }

    @Test
    void a_browser_frame_with_extra_fields_is_read() {
        SessionSignal s = Json.read("{\"type\":\"session.ice\",\"session_id\":\"s-1\",\"candidate\":\"c\","
                + "\"sdp_mid\":\"0\",\"sdp_mline_index\":0,\"username_fragment\":\"abcd\"}", SessionSignal.class);
        assertEquals(SessionSignal.ice("s-1", "c", "0", 0), s);
    }

    @Test
    void control_messages_are_small_json_objects() {
        assertEquals("{\"type\":\"resize\",\"cols\":132,\"rows\":43}", Json.write(ShellControl.resize(132, 43)));
        assertEquals("{\"type\":\"exit\",\"code\":0}", Json.write(ShellControl.exit(0)));
        assertEquals("{\"type\":\"error\",\"message\":\"m\"}", Json.write(ShellControl.error("m")));
    }

    @Test
    void logging_a_frame_never_shows_the_sdp_or_a_turn_credential() {
        IceServer turn = new IceServer(List.of("turn:t"), "1:dev", "secret-credential");
        SessionSignal offer = SessionSignal.offer("s-1", "shell", "v=0 a=ice-pwd:secret-pwd", List.of(turn), "all");
        assertFalse(offer.toString().contains("secret"), offer.toString());
        assertFalse(turn.toString().contains("secret"), turn.toString());
        assertTrue(offer.toString().contains("s-1"));
    }

    @Test
    void session_frames_are_told_apart_from_device_events_by_type() {
        assertTrue(SessionSignal.isSessionType("session.offer"));
        assertFalse(SessionSignal.isSessionType("device.renamed"));
        assertFalse(SessionSignal.isSessionType(null));
        JsonValue node = Json.read(Json.write(SessionSignal.close("s")), JsonValue.class);
        assertEquals("session.close", node.text("type"));
    }
}
