package org.openrpiconnect.cloud;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `serve` and the admin commands as separate JVMs sharing one SQLite directory, as operators run them. */
class ServeProcessTest {

    private static ProcessBuilder java(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.openrpiconnect.cloud.Main"));
        cmd.addAll(List.of(args));
        cmd.add("--data");
        cmd.add(dir.toString());
        return new ProcessBuilder(cmd);
    }

    private static String run(Path dir, String stdin, String... args) throws Exception {
        Process p = java(dir, args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", args));
        return out;
    }

    @Test
    void serve_prints_one_listening_line_and_admin_commands_work_while_it_runs(@TempDir Path dir) throws Exception {
        Process server = java(dir, "serve", "--port", "0", "--api-rate-limit", "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String l = out.readLine(); l != null; l = out.readLine()) lines.add(l);
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
            });
            reader.start();
            String line = lines.poll(60, TimeUnit.SECONDS);
            assertTrue(line != null && line.matches("rpi-connect-cloud listening on http://127\\.0\\.0\\.1:\\d+"),
                    String.valueOf(line));
            String url = line.substring(line.lastIndexOf(' ') + 1);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());

            assertTrue(run(dir, "long enough pw\n", "user", "create", "proc@example.org").startsWith("Created user"));
            String key = run(dir, null, "auth-key", "create", "--user", "proc@example.org").strip();
            assertTrue(key.startsWith("rpuak_"), key);
            assertEquals("ID\tNAME\tSERIAL\tOWNER\tSIGNED_IN\n", run(dir, null, "device", "list"));
            run(dir, null, "org", "create", "Procco", "--admin", "proc@example.org");
            String token = run(dir, null, "token", "create", "--org", "Procco").strip();
            HttpRequest list = HttpRequest.newBuilder(URI.create(url + "/organisation/artefacts"))
                    .header("Authorization", "Bearer " + token).build();
            assertEquals(200, HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> limited = HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString());
            assertEquals(429, limited.statusCode(), "--api-rate-limit 1 allows one call an hour");
            assertEquals("1", limited.headers().firstValue("X-Rate-Limit-Limit").orElseThrow());
            assertTrue(server.isAlive());
            server.destroy(); // SIGTERM: the shutdown hook stops the server
            assertTrue(server.waitFor(20, TimeUnit.SECONDS));
            reader.join(5000);
            assertTrue(lines.isEmpty(), "nothing else on stdout: " + lines);
        } finally {
            server.destroyForcibly();
        }
    }
}
