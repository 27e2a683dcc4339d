package org.openrpiconnect.protocol.json;

import org.junit.jupiter.api.Test;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeploymentState;
import org.openrpiconnect.protocol.device.DeviceError;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.StatusResult;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonBinderTest {
    record Sample(String camelCaseName, int count, Boolean flag, List<Integer> numbers, Map<String, Long> totals,
                  DeploymentState state, JsonValue extra) {}

    @Test
    void member_names_are_snake_case_as_jackson_spells_them() {
        assertEquals("sdp_mline_index", SnakeCase.of("sdpMlineIndex"));
        assertEquals("v", SnakeCase.of("v"));
        assertEquals("urlvalue", SnakeCase.of("URLValue"));
        assertEquals("a_bc", SnakeCase.of("aBC"));
        assertEquals("x_1_y", SnakeCase.of("x_1Y"));
        assertEquals("leading", SnakeCase.of("_leading"));
        var jackson = new com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy();
        for (String name : List.of("sdpMlineIndex", "v", "URLValue", "aBC", "x_1Y", "_leading", "a__b", "aB_C",
                "deviceID", "HTTPServer2Go", "x1y2Z", "already_snake", "ÄrgerÜber", "__x", "")) {
            assertEquals(jackson.translate(name), SnakeCase.of(name), name);
        }
    }

    @Test
    void a_record_round_trips_with_lists_maps_enums_and_trees() {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("b", 2L);
        totals.put("a", null);
        Sample s = new Sample("x", 3, null, List.of(1, 2), totals, DeploymentState.IN_PROGRESS,
                Json.read("[1,{\"k\":null}]", JsonValue.class));
        String text = Json.write(s);
        assertEquals("{\"camel_case_name\":\"x\",\"count\":3,\"flag\":null,\"numbers\":[1,2],\"totals\":{\"b\":2,"
                + "\"a\":null},\"state\":\"in_progress\",\"extra\":[1,{\"k\":null}]}", text);
        assertEquals(s, Json.read(text, Sample.class));
    }

    @Test
    void unknown_members_are_ignored_and_missing_or_null_ones_read_as_null_or_zero() {
        Sample s = Json.read("{\"count\":null,\"new_field\":{\"deep\":[1]},\"extra\":null}", Sample.class);
        assertEquals(new Sample(null, 0, null, null, null, null, null), s);
    }

    @Test
    void a_member_of_the_wrong_kind_is_refused_with_its_path() {
        Json.MalformedJsonException e = assertThrows(Json.MalformedJsonException.class,
                () -> Json.read("{\"numbers\":[1,\"two\"]}", Sample.class));
        assertEquals("malformed Sample: numbers[1]: expected a whole number (32 bits), found a string",
                e.getMessage());
        assertThrows(Json.MalformedJsonException.class, () -> Json.read("{\"count\":1.5}", Sample.class));
        assertThrows(Json.MalformedJsonException.class, () -> Json.read("{\"count\":3000000000}", Sample.class));
        assertThrows(Json.MalformedJsonException.class, () -> Json.read("{\"flag\":\"true\"}", Sample.class));
        assertThrows(Json.MalformedJsonException.class, () -> Json.read("[]", Sample.class));
    }

    record Groups(Map<String, List<Integer>> groups) {}

    /**
     * Binding must not spell out the path of every value it reads: under a long member name that copies the name once
     * per value (here 20 000 times 100 000 characters, some 4 GB of garbage for a 140 kB document). Counted in bytes
     * the thread allocates, not in time, so the bound holds on a loaded machine too.
     */
    @Test
    void binding_under_a_long_member_name_allocates_in_proportion_to_the_document() throws Exception {
        StringBuilder doc = new StringBuilder("{\"groups\":{\"").append("k".repeat(100_000)).append("\":[0");
        for (int i = 1; i < 20_000; i++) doc.append(",").append(i % 10);
        JsonValue tree = JsonParser.parse(doc.append("]}}").toString());
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Groups read = Json.read(tree, Groups.class);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(20_000, read.groups().values().iterator().next().size());
        assertTrue(allocated < 20L * doc.length(), allocated + " bytes allocated to bind " + doc.length() + " chars");
        Json.MalformedJsonException e = assertThrows(Json.MalformedJsonException.class,
                () -> Json.read("{\"groups\":{\"a.b\":[1,true]}}", Groups.class));
        assertEquals("malformed Groups: groups.a.b[1]: expected a whole number (32 bits), found true", e.getMessage());
        Json.MalformedJsonException longKey = assertThrows(Json.MalformedJsonException.class,
                () -> Json.read("{\"groups\":{\"" + "k".repeat(100_000) + "\":[\"x\"]}}", Groups.class));
        assertEquals("malformed Groups: groups." + "k".repeat(40) + "…[0]: expected a whole number (32 bits), "
                + "found a string", longKey.getMessage());
    }

    record Measures(double ratio, java.math.BigDecimal exact) {}

    @Test
    void a_number_beyond_a_double_or_a_decimal_is_refused_as_a_readable_error() {
        assertEquals(new Measures(-2.5e300, new java.math.BigDecimal("1e-999999999")),
                Json.read("{\"ratio\":-2.5e300,\"exact\":1e-999999999}", Measures.class));
        Json.MalformedJsonException tooBig = assertThrows(Json.MalformedJsonException.class,
                () -> Json.read("{\"ratio\":1e999999999}", Measures.class));
        assertEquals("malformed Measures: ratio: expected a number in the range of a double, found the number "
                + "1e999999999", tooBig.getMessage());
        assertThrows(Json.MalformedJsonException.class, () -> Json.read("-1e400", double.class));
        Json.MalformedJsonException exponent = assertThrows(Json.MalformedJsonException.class,
                () -> Json.read("{\"exact\":1e9999999999}", Measures.class));
        assertEquals("malformed Measures: exact: expected a number with an exponent in the range of an int, found "
                + "the number 1e9999999999", exponent.getMessage());
    }

    record Tagged<T>(String tag, T value, List<T> values) {}

    record Counted<N extends Number>(N count) {}

    @Test
    void a_generic_records_components_read_as_their_bound() {
        Tagged<?> t = Json.read("{\"tag\":\"x\",\"value\":{\"a\":1},\"values\":[2,\"three\"]}", Tagged.class);
        assertEquals(new Tagged<>("x", Json.read("{\"a\":1}", JsonValue.class),
                List.of(new JsonNumber("2"), new JsonString("three"))), t);
        assertEquals("{\"tag\":\"x\",\"value\":{\"a\":1},\"values\":[2,\"three\"]}", Json.write(t));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.read("{\"count\":1}", Counted.class));
        assertEquals("no JSON form for java.lang.Number", e.getMessage());
    }

    record Named(String name, int size) {
        Named {
            java.util.Objects.requireNonNull(name);
            if (size < 0) throw new IllegalArgumentException("size must not be negative");
        }
    }

    @Test
    void a_value_its_records_constructor_refuses_is_a_readable_error_that_says_why() {
        Json.MalformedJsonException negative = assertThrows(Json.MalformedJsonException.class,
                () -> Json.read("{\"name\":\"a\",\"size\":-1}", Named.class));
        assertEquals("malformed Named: not a valid Named (size must not be negative)", negative.getMessage());
        Json.MalformedJsonException missing = assertThrows(Json.MalformedJsonException.class,
                () -> Json.read("{\"size\":1}", Named.class));
        assertEquals("malformed Named: not a valid Named (NullPointerException)", missing.getMessage());
    }

    @Test
    void omit_nulls_records_leave_out_their_null_members() {
        assertEquals("{\"type\":\"session.close\",\"session_id\":\"s\"}", Json.write(SessionSignal.close("s")));
        assertEquals("{\"code\":\"internal\",\"message\":null}", Json.write(new DeviceError(DeviceErrorCode.INTERNAL,
                null)));
    }

    enum Plain { A }

    record E(Plain p) {}

    @Test
    void an_unknown_enum_name_reads_as_the_wire_enums_fallback_or_is_refused_in_short() {
        assertEquals(DeviceErrorCode.INTERNAL, Json.read("{\"code\":\"brand_new\"}", DeviceError.class).code());
        assertNull(Json.read("\"brand_new\"", LocalMethod.class));
        assertEquals(LocalMethod.SET_SERVICE, Json.read("\"set_service\"", LocalMethod.class));
        assertEquals("malformed E: p: unknown Plain \"" + "c".repeat(40) + "…\"", assertThrows(
                Json.MalformedJsonException.class, () -> Json.read("{\"p\":\"" + "c".repeat(5000) + "\"}", E.class))
                .getMessage());
    }

    @Test
    void the_document_null_reads_as_null_and_a_tree_target_gets_the_tree() {
        assertNull(Json.read("null", StatusResult.class));
        assertEquals(JsonNull.INSTANCE, Json.read("null", JsonValue.class));
        assertTrue(Json.read("{\"a\":1}", JsonValue.class).isObject());
        assertEquals(JsonObject.empty(), Json.read("{}", Object.class));
    }

    @Test
    void a_syntax_error_names_the_type_the_reason_and_the_place() {
        Json.MalformedJsonException e = assertThrows(Json.MalformedJsonException.class,
                () -> Json.read("{\"signed_in\":tru}", StatusResult.class));
        assertEquals("malformed StatusResult: unexpected character 't', expected a value at line 1, column 14",
                e.getMessage());
        assertEquals(14, ((JsonReadException) e.getCause()).column());
    }

    @Test
    void a_value_without_a_json_form_is_a_programming_error() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    }
}
