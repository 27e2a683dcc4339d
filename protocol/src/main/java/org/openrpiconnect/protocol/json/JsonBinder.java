package org.openrpiconnect.protocol.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Between Java values and the {@link JsonValue} tree, with the project's wire rules: records become objects whose
 * member names are their components' names in snake_case ({@link SnakeCase}), in declaration order, nulls written
 * as {@code null} unless the record implements {@link OmitNulls}; enums travel by their {@link WireEnum} name (other
 * enums by constant name); {@code List}/{@code Collection}, {@code Map<String, ?>}, strings, booleans, numbers and
 * {@link JsonValue}s as themselves. Reading ignores unknown members, reads a missing or null member as null (a
 * primitive as 0 or false), refuses a member of the wrong kind with a {@link JsonReadException} naming its path, and
 * gives the tree itself for a target of type {@code Object} (so also for a generic record's {@code T}: a type
 * variable reads as its bound).
 */
public final class JsonBinder {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };
    private static final ClassValue<Method> FROM_WIRE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method m = type.getMethod("fromWire", String.class);
                if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != type) throw new NoSuchMethodException();
                return m;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " is a WireEnum without public static "
                        + type.getSimpleName() + " fromWire(String)");
            }
        }
    };

    private JsonBinder() {}

    /** The tree of {@code value}; IllegalArgumentException for a type that has no JSON form here. */
    public static JsonValue toTree(Object value) {
        if (value == null) return JsonNull.INSTANCE;
        if (value instanceof JsonValue v) return v;
        if (value instanceof String s) return new JsonString(s);
        if (value instanceof Boolean b) return JsonBoolean.of(b);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return new JsonNumber(value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("no JSON form for " + d);
            return new JsonNumber(value.toString());
        }
        if (value instanceof WireEnum e) return new JsonString(e.wire());
        if (value instanceof Enum<?> e) return new JsonString(e.name());
        if (value instanceof Record r) return SHAPES.get(r.getClass()).toTree(r);
        if (value instanceof Map<?, ?> map) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            map.forEach((k, v) -> members.put(String.valueOf(k), toTree(v)));
            return new JsonObject(members);
        }
        if (value instanceof Collection<?> c) {
            List<JsonValue> values = new ArrayList<>(c.size());
            for (Object o : c) values.add(toTree(o));
            return new JsonArray(values);
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }

    /**
     * {@code tree} read as {@code type}. A record's member that is null or absent reads as null (0 or false for a
     * primitive), also into a {@link JsonValue} component; elsewhere a {@link JsonValue} target keeps
     * {@link JsonNull#INSTANCE}.
     */
    public static <T> T fromTree(JsonValue tree, Class<T> type) throws JsonReadException {
        @SuppressWarnings("unchecked")
        T value = (T) read(tree, type, Path.ROOT);
        return value;
    }

    private static Object read(JsonValue v, Type type, Path path) throws JsonReadException {
        if (type instanceof WildcardType w) return read(v, w.getUpperBounds()[0], path);
        if (type instanceof TypeVariable<?> t) return read(v, t.getBounds()[0], path); // its erasure, as Java does
        if (type instanceof ParameterizedType p) return readGeneric(v, p, path);
        if (!(type instanceof Class<?> c)) throw new IllegalArgumentException("cannot read into " + type);
        if (c == Object.class) return v; // an untyped target (a result nobody reads) gets the tree
        if (JsonValue.class.isAssignableFrom(c)) {
            if (c.isInstance(v)) return v;
            if (v instanceof JsonNull) return null;
            throw mismatch(path, kindOf(c.asSubclass(JsonValue.class)), v);
        }
        if (v instanceof JsonNull) return c.isPrimitive() ? defaultOf(c) : null;
        if (c == String.class) {
            if (v instanceof JsonString s) return s.value();
            throw mismatch(path, "a string", v);
        }
        if (c == boolean.class || c == Boolean.class) {
            if (v instanceof JsonBoolean b) return b.value();
            throw mismatch(path, "true or false", v);
        }
        if (c == int.class || c == Integer.class) {
            if (v instanceof JsonNumber n && n.isInt()) return n.intValue();
            throw mismatch(path, "a whole number (32 bits)", v);
        }
        if (c == long.class || c == Long.class) {
            if (v instanceof JsonNumber n && n.isLong()) return n.longValue();
            throw mismatch(path, "a whole number (64 bits)", v);
        }
        if (c == double.class || c == Double.class) {
            // 1e400 would read as infinity, which has no JSON form to write back
            if (v instanceof JsonNumber n && Double.isFinite(n.doubleValue())) return n.doubleValue();
            throw mismatch(path, "a number in the range of a double", v);
        }
        if (c == BigDecimal.class) {
            if (v instanceof JsonNumber n) {
                try {
                    return n.decimalValue();
                } catch (NumberFormatException e) { // an exponent beyond 32 bits, like 1e9999999999
                    throw mismatch(path, "a number with an exponent in the range of an int", v);
                }
            }
            throw mismatch(path, "a number", v);
        }
        if (c.isEnum()) return readEnum(v, c, path);
        if (c.isRecord()) {
            if (v instanceof JsonObject o) return SHAPES.get(c).fromTree(o, path);
            throw mismatch(path, "an object", v);
        }
        if (c == List.class || c == Collection.class || c == Map.class) {
            return readGeneric(v, new Raw(c), path);
        }
        throw new IllegalArgumentException("no JSON form for " + c.getName());
    }

    private static Object readGeneric(JsonValue v, ParameterizedType p, Path path) throws JsonReadException {
        Type raw = p.getRawType();
        if (v instanceof JsonNull) return null;
        if (raw == List.class || raw == Collection.class) {
            if (!(v instanceof JsonArray a)) throw mismatch(path, "an array", v);
            Type element = p.getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>(a.values().size());
            for (int i = 0; i < a.values().size(); i++) out.add(read(a.values().get(i), element, path.index(i)));
            return out;
        }
        if (raw == Map.class) {
            if (p.getActualTypeArguments()[0] != String.class) {
                throw new IllegalArgumentException("map keys must be strings: " + p);
            }
            if (!(v instanceof JsonObject o)) throw mismatch(path, "an object", v);
            Type valueType = p.getActualTypeArguments()[1];
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                out.put(e.getKey(), read(e.getValue(), valueType, path.member(e.getKey())));
            }
            return out;
        }
        throw new IllegalArgumentException("no JSON form for " + p);
    }

    private static Object readEnum(JsonValue v, Class<?> type, Path path) throws JsonReadException {
        if (!(v instanceof JsonString s)) throw mismatch(path, "a string", v);
        if (WireEnum.class.isAssignableFrom(type)) {
            try {
                return FROM_WIRE.get(type).invoke(null, s.value());
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot call " + type.getName() + ".fromWire", e);
            }
        }
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(s.value())) return constant;
        }
        throw new JsonReadException(where(path) + "unknown " + type.getSimpleName() + " "
                + JsonWriter.write(new JsonString(JsonReadException.excerpt(s.value()))));
    }

    private static Object defaultOf(Class<?> primitive) {
        if (primitive == boolean.class) return false;
        if (primitive == int.class) return 0;
        if (primitive == long.class) return 0L;
        if (primitive == double.class) return 0.0;
        throw new IllegalArgumentException("no JSON form for " + primitive);
    }

    private static JsonReadException mismatch(Path path, String expected, JsonValue found) {
        return new JsonReadException(where(path) + "expected " + expected + ", found " + describe(found));
    }

    private static String where(Path path) {
        return path == Path.ROOT ? "" : path + ": ";
    }

    /**
     * Where a value is in the document ({@code devices[2].name}), spelled out only for an error: building the text
     * for every value read would copy a long member name once per value below it, quadratic in the document.
     */
    private record Path(Path parent, String name, int index) {
        static final Path ROOT = new Path(null, null, -1);

        Path member(String name) {
            return new Path(this, name, -1);
        }

        Path index(int i) {
            return new Path(this, null, i);
        }

        @Override
        public String toString() {
            if (this == ROOT) return "";
            String before = parent.toString();
            if (name == null) return before + "[" + index + "]";
            String shown = JsonReadException.excerpt(name); // a map's key can be long
            return before.isEmpty() ? shown : before + "." + shown;
        }
    }

    private static String describe(JsonValue v) {
        if (v instanceof JsonNumber n) return "the number " + n.literal();
        if (v instanceof JsonBoolean b) return String.valueOf(b.value());
        return kindOf(v.getClass());
    }

    private static String kindOf(Class<? extends JsonValue> jsonType) {
        if (jsonType == JsonObject.class) return "an object";
        if (jsonType == JsonArray.class) return "an array";
        if (jsonType == JsonString.class) return "a string";
        if (jsonType == JsonNumber.class) return "a number";
        if (jsonType == JsonBoolean.class) return "true or false";
        return "null";
    }

    /** A raw List, Collection or Map read as one of Object values: only trees can be such values. */
    private record Raw(Class<?> raw) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return raw == Map.class ? new Type[] {String.class, JsonValue.class} : new Type[] {JsonValue.class};
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }

    /** How one record class maps to a JSON object: its components, their wire names, its canonical constructor. */
    private record RecordShape(String[] names, Method[] accessors, Type[] types, Class<?>[] rawTypes,
                               Constructor<?> constructor, boolean omitNulls) {
        static RecordShape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) throw new IllegalArgumentException(type.getName() + " is not a record");
            String[] names = new String[components.length];
            Method[] accessors = new Method[components.length];
            Type[] types = new Type[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = SnakeCase.of(components[i].getName());
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
                return new RecordShape(names, accessors, types, raw, constructor,
                        OmitNulls.class.isAssignableFrom(type));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }

        JsonObject toTree(Record r) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                Object value;
                try {
                    value = accessors[i].invoke(r);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + accessors[i], e);
                }
                if (value == null && omitNulls) continue;
                members.put(names[i], JsonBinder.toTree(value));
            }
            return new JsonObject(members);
        }

        Object fromTree(JsonObject o, Path path) throws JsonReadException {
            Object[] args = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                JsonValue v = o.get(names[i]);
                args[i] = v == null || v.isNull() ? null : read(v, types[i], path.member(names[i]));
                if (args[i] == null && rawTypes[i].isPrimitive()) args[i] = defaultOf(rawTypes[i]);
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                Throwable refusal = e.getCause();
                if (refusal instanceof Error error) throw error; // out of memory is not the document's fault
                String why = refusal.getMessage() != null ? refusal.getMessage() : refusal.getClass().getSimpleName();
                throw new JsonReadException(where(path) + "not a valid " + constructor.getDeclaringClass()
                        .getSimpleName() + " (" + why + ")");
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("cannot make " + constructor.getDeclaringClass().getName(), e);
            }
        }
    }
}
