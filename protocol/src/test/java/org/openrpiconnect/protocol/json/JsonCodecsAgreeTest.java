package org.openrpiconnect.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openrpiconnect.protocol.Json;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device (this codec) and the cloud (Jackson, set up as the cloud does: snake_case, unknown members ignored,
 * nulls included, empty beans allowed) write every protocol record and enum byte for byte alike, and each reads the
 * other's output back to an equal value. The records and enums are found by scanning the protocol's classes, so a
 * new one is covered without touching this test; sample values are made from the component types, with strings
 * that need escaping, every constant of every enum, and both all-set and all-null variants.
 */
class JsonCodecsAgreeTest {
    /** As the cloud's CloudJson sets Jackson up (and as protocol's Json did before this codec). */
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            // Before this codec the local API's params/result were Jackson trees, written as they are: the same
            // compact text as our tree's (JsonWriterTest holds the escaping to Jackson's).
            .registerModule(new SimpleModule().addSerializer(JsonValue.class, new StdSerializer<>(JsonValue.class) {
                @Override
                public void serialize(JsonValue value, JsonGenerator gen, SerializerProvider provider)
                        throws IOException {
                    gen.writeRawValue(value.toString());
                }
            }));

    private static final String[] STRINGS = {
        "plain", "quote \" backslash \\ slash / tab \t newline \n cr \r", "control \u0000 \u0001 \u001f \u007f \b \f",
        "non-ASCII é ß ✓ and non-BMP 😀 \uD83D\uDE80", "</script> & <b>", "",
    };

    @TestFactory
    Stream<DynamicTest> every_record_is_written_alike_and_read_back_equal() throws Exception {
        return protocolClasses().stream().filter(Class::isRecord).flatMap(type -> {
            List<Object> samples = new ArrayList<>();
            for (int variant = 0; variant < STRINGS.length; variant++) samples.add(sample(type, variant, true));
            samples.add(sample(type, 0, false));
            return samples.stream().map(s -> DynamicTest.dynamicTest(type.getSimpleName() + " " + s,
                    () -> assertAgree(type, s)));
        });
    }

    @TestFactory
    Stream<DynamicTest> every_enum_constant_is_written_alike_and_read_back_equal() throws Exception {
        return protocolClasses().stream().filter(Class::isEnum).flatMap(type -> Stream.of(type.getEnumConstants())
                .map(c -> DynamicTest.dynamicTest(type.getSimpleName() + "." + c, () -> assertAgree(type, c))));
    }

    @Test
    void unknown_wire_names_read_alike_in_both_codecs() throws Exception {
        for (Class<?> type : protocolClasses()) {
            if (!WireEnum.class.isAssignableFrom(type)) continue;
            String unknown = "\"no_such_name\"";
            assertEquals(JACKSON.readValue(unknown, type), Json.read(unknown, type), type.getName());
        }
    }

    @Test
    void the_scan_finds_the_protocol_types() throws Exception {
        List<String> names = protocolClasses().stream().map(Class::getSimpleName).toList();
        assertTrue(names.containsAll(List.of("SessionSignal", "LocalResponse", "DeviceFacts", "Board",
                "DeploymentState", "LocalMethod", "BoardModel")), names.toString());
    }

    private static void assertAgree(Class<?> type, Object sample) throws IOException {
        String ours = Json.write(sample);
        assertEquals(JACKSON.writeValueAsString(sample), ours, "written alike");
        assertEquals(sample, Json.read(ours, type), "read back by this codec");
        assertEquals(sample, Json.read(ours.getBytes(java.nio.charset.StandardCharsets.UTF_8), type),
                "read back from bytes");
        if (!holdsTrees(type)) assertEquals(sample, JACKSON.readValue(ours, type), "read back by Jackson");
    }

    /** Jackson cannot make our trees (the cloud never reads the local API's envelopes). */
    private static boolean holdsTrees(Class<?> type) {
        if (!type.isRecord()) return false;
        for (RecordComponent c : type.getRecordComponents()) {
            if (JsonValue.class.isAssignableFrom(c.getType())) return true;
        }
        return false;
    }

    /** A record filled from its component types; {@code filled} false leaves every reference component null. */
    private static Object sample(Class<?> type, int variant, boolean filled) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] raw = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            raw[i] = components[i].getType();
            args[i] = filled || raw[i].isPrimitive() ? value(components[i].getGenericType(), variant + i, filled)
                    : null;
        }
        try {
            var constructor = type.getDeclaredConstructor(raw);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make a sample " + type.getName(), e);
        }
    }

    private static Object value(Type type, int variant, boolean filled) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type element = p.getActualTypeArguments()[0];
            return List.of(value(element, variant, filled), value(element, variant + 1, filled));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("first_key", value(p.getActualTypeArguments()[1], variant, filled));
            map.put("secondKey", value(p.getActualTypeArguments()[1], variant + 1, filled));
            return map;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) return STRINGS[Math.floorMod(variant, STRINGS.length)];
        if (c == int.class || c == Integer.class) return variant % 2 == 0 ? 42 + variant : -7 - variant;
        if (c == long.class || c == Long.class) return 1_700_000_000_000L + variant;
        if (c == boolean.class || c == Boolean.class) return variant % 2 == 0;
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[Math.floorMod(variant, constants.length)];
        }
        if (c.isRecord()) return sample(c, variant, filled);
        if (c == JsonValue.class) {
            return Json.read("{\"n\":[1,-2.5e3,true,null],\"s\":" + Json.write(STRINGS[Math.floorMod(variant,
                    STRINGS.length)]) + ",\"o\":{}}", JsonValue.class);
        }
        throw new AssertionError("no sample for " + type + ": teach this test the type");
    }

    /** Every class compiled from protocol/src/main (records and enums, nested ones too). */
    private static List<Class<?>> protocolClasses() throws IOException, URISyntaxException {
        Path root = Path.of(Json.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertFalse(root.toString().endsWith(".jar"), "expected the compiled classes folder, found " + root);
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info") || name.matches(".*\\$\\d+.*")) continue;
                try {
                    Class<?> c = Class.forName(name, false, Json.class.getClassLoader());
                    if ((c.isRecord() || c.isEnum()) && java.lang.reflect.Modifier.isPublic(c.getModifiers())
                            && !c.getPackageName().endsWith(".json")) {
                        out.add(c);
                    }
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return out;
    }
}
