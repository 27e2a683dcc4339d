package org.openrpiconnect.daemon.session;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeBindingsTest {
    /**
     * Java's long is 64 bits on every platform, C's long, size_t and nfds_t only on 64-bit ones: on armhf a long
     * argument would shift the arguments after it into other registers (poll() would get garbage for its count and
     * its timeout). The packages are built for armhf too, where this machine cannot run them.
     */
    @Test
    void c_functions_take_sizes_as_native_long_never_as_java_long() {
        List<String> bound = new ArrayList<>();
        for (Class<?> binding : List.of(LibC.class, NativeHeap.class)) {
            for (Method m : binding.getDeclaredMethods()) {
                if (!Modifier.isNative(m.getModifiers())) continue;
                bound.add(m.getName());
                for (Class<?> parameter : m.getParameterTypes()) {
                    assertTrue(parameter != long.class && parameter != Long.class,
                            binding.getSimpleName() + "." + m.getName() + " takes a Java long");
                }
            }
        }
        assertEquals(List.of("close", "dup", "kill", "malloc_trim", "poll", "read"), bound.stream().sorted().toList());
    }
}
