package org.openrpiconnect.daemon;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlainArgumentsTest {
    private static final List<String> TOKENS = List.of("-v", "--allow-root", "-socket", "/run/user/1000/wayvnc.sock",
            "-socket=/tmp/a b", "relative/path", "--help", "-h", "-V", "--version", "-x", "-vv", "--", "@args",
            "-v=true", "", "-socket=", "--socket", "-allow-root");

    @Test
    void the_systemd_units_argument_lists_bind_without_picocli() {
        for (List<String> args : List.of(List.<String>of(), List.of("-v"), List.of("--allow-root"),
                List.of("-socket", "/run/user/1000/wayvnc.sock"), List.of("-v", "-socket", "/run/user/1000/x.sock"),
                List.of("-socket=/run/user/1000/x.sock", "-v"))) {
            assertTrue(PlainArguments.bind(args.toArray(String[]::new)).isPresent(), args.toString());
        }
    }

    @Test
    void every_argument_list_binds_as_picocli_binds_it_or_is_left_to_picocli() {
        int bound = 0;
        for (List<String> args : lists(3)) {
            String[] array = args.toArray(String[]::new);
            Optional<Main> plain = PlainArguments.bind(array);
            Main picocli = new Main();
            boolean picocliBinds;
            try {
                CommandLine.ParseResult result = new CommandLine(picocli).parseArgs(array);
                picocliBinds = !result.isUsageHelpRequested() && !result.isVersionHelpRequested();
            } catch (CommandLine.ParameterException e) {
                picocliBinds = false;
            }
            if (!picocliBinds) {
                assertFalse(plain.isPresent(), "picocli answers or refuses " + args + ", the plain path took it");
                continue;
            }
            if (plain.isEmpty()) continue; // left to picocli: always allowed
            bound++;
            assertEquals(picocli.verbose, plain.get().verbose, args.toString());
            assertEquals(picocli.allowRoot, plain.get().allowRoot, args.toString());
            assertEquals(picocli.wayvncSocket, plain.get().wayvncSocket, args.toString());
        }
        assertTrue(bound >= 20, "only " + bound + " lists took the plain path");
    }

    private static List<List<String>> lists(int maxLength) {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of());
        List<List<String>> previous = List.of(List.of());
        for (int length = 1; length <= maxLength; length++) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : previous) {
                for (String token : TOKENS) {
                    List<String> list = new ArrayList<>(prefix);
                    list.add(token);
                    next.add(list);
                }
            }
            all.addAll(next);
            previous = next;
        }
        return all;
    }
}
