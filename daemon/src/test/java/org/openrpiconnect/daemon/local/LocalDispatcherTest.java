package org.openrpiconnect.daemon.local;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.Version;
import org.openrpiconnect.protocol.json.JsonBoolean;
import org.openrpiconnect.protocol.json.JsonObject;
import org.openrpiconnect.protocol.local.LocalErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.LocalResponse;
import org.openrpiconnect.protocol.local.ServiceParams;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalDispatcherTest {
    private final AtomicBoolean shutdownRan = new AtomicBoolean();

    private final LocalDispatcher dispatcher = new LocalDispatcher(Map.of(
            LocalMethod.STATUS, params -> Map.of("signed_in", false),
            LocalMethod.SET_SERVICE, params -> {
                ServiceParams p = LocalDispatcher.params(params, ServiceParams.class);
                return Map.of("service", p.service(), "allowed", p.allowed());
            },
            LocalMethod.SIGNOUT, params -> {
                throw new LocalApiException(LocalErrorCode.NOT_SIGNED_IN, "not signed in");
            },
            LocalMethod.DOCTOR, params -> {
                throw new IllegalStateException("bug");
            },
            LocalMethod.SHUTDOWN, params -> new LocalHandler.ThenRun(null, () -> shutdownRan.set(true))));

    private LocalReply send(String line) {
        return dispatcher.dispatch(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void known_method_gets_its_result_and_the_daemon_version() {
        LocalResponse r = send("{\"v\":1,\"method\":\"status\"}").response();
        assertTrue(r.ok());
        assertEquals(JsonBoolean.FALSE, r.result().get("signed_in"));
        assertEquals(Version.current(), r.daemonVersion());
        assertEquals(1, r.v());
    }

    @Test
    void params_are_read_in_snake_case() {
        LocalResponse r = send("{\"v\":1,\"method\":\"set_service\",\"params\":{\"service\":\"vnc\",\"allowed\":false}}")
                .response();
        assertEquals("vnc", r.result().text("service"));
        assertEquals(JsonBoolean.FALSE, r.result().get("allowed"));
    }

    @Test
    void garbled_request_is_a_bad_request_that_still_names_the_daemon_version() {
        LocalResponse r = send("{\"v\":1,\"method\":").response();
        assertEquals(LocalErrorCode.BAD_REQUEST, r.error().code());
        assertTrue(r.error().message().startsWith("The request is not valid JSON"));
        assertEquals(Version.current(), r.daemonVersion());
        assertNull(r.result());
    }

    @Test
    void json_that_is_not_an_object_is_a_bad_request() {
        assertEquals(LocalErrorCode.BAD_REQUEST, send("[1,2]").response().error().code());
        assertEquals(LocalErrorCode.BAD_REQUEST, send("").response().error().code());
    }

    @Test
    void other_protocol_version_is_a_bad_request_saying_which_one_is_spoken() {
        LocalResponse r = send("{\"v\":2,\"method\":\"status\"}").response();
        assertEquals(LocalErrorCode.BAD_REQUEST, r.error().code());
        assertTrue(r.error().message().contains("local API version 1"), r.error().message());
    }

    @Test
    void unknown_method_is_named_with_the_known_ones() {
        LocalResponse r = send("{\"v\":1,\"method\":\"reboot\"}").response();
        assertEquals(LocalErrorCode.UNKNOWN_METHOD, r.error().code());
        assertTrue(r.error().message().contains("\"reboot\""));
        assertTrue(r.error().message().contains("status"));
    }

    @Test
    void method_without_a_handler_is_unknown() {
        assertEquals(LocalErrorCode.UNKNOWN_METHOD, send("{\"v\":1,\"method\":\"signin\"}").response().error().code());
    }

    @Test
    void missing_params_are_a_bad_request() {
        LocalResponse r = send("{\"v\":1,\"method\":\"set_service\"}").response();
        assertEquals(LocalErrorCode.BAD_REQUEST, r.error().code());
    }

    @Test
    void params_of_the_wrong_shape_are_a_bad_request_naming_the_member_and_what_it_needs() {
        LocalResponse r = send("{\"v\":1,\"method\":\"set_service\",\"params\":{\"service\":\"vnc\","
                + "\"allowed\":\"no\"}}").response();
        assertEquals(LocalErrorCode.BAD_REQUEST, r.error().code());
        assertEquals("The params are not a valid ServiceParams (allowed: expected true or false, found a string).",
                r.error().message());
    }

    @Test
    void handler_refusal_becomes_its_error() {
        LocalResponse r = send("{\"v\":1,\"method\":\"signout\"}").response();
        assertEquals(LocalErrorCode.NOT_SIGNED_IN, r.error().code());
        assertEquals("not signed in", r.error().message());
    }

    @Test
    void handler_bug_becomes_an_internal_error_without_a_stack_trace() {
        LocalResponse r = send("{\"v\":1,\"method\":\"doctor\"}").response();
        assertEquals(LocalErrorCode.INTERNAL, r.error().code());
        assertFalse(r.error().message().contains("at org."), r.error().message());
    }

    @Test
    void shutdown_answers_an_empty_result_and_runs_its_action_only_after_the_reply() {
        LocalReply reply = send("{\"v\":1,\"method\":\"shutdown\"}");
        assertTrue(reply.response().ok());
        assertEquals(JsonObject.empty(), reply.response().result());
        assertFalse(shutdownRan.get(), "not before the reply is sent");
        reply.afterReply().run();
        assertTrue(shutdownRan.get());
    }
}
