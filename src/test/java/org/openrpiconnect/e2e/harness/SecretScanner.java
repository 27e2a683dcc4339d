package org.openrpiconnect.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Looks for known secrets in texts and files. A finding names the secret's label, never its value, so a
 * failure message does not leak what it reports.
 */
public final class SecretScanner {
    /** Shorter fragments would match by chance. */
    private static final int MIN_FRAGMENT = 16;

    private final Map<String, String> secrets = new LinkedHashMap<>();

    public SecretScanner add(String label, String secret) {
        if (secret == null || secret.length() < 8) {
            throw new IllegalArgumentException(label + " is too short to scan for reliably");
        }
        secrets.put(label, secret);
        return this;
    }

    /**
     * A PEM private key: its base64 body joined, and each of its lines, since a log could print either.
     */
    public SecretScanner addPrivateKeyPem(String label, String pem) {
        List<String> body = pem.lines().filter(l -> !l.startsWith("-----") && !l.isBlank()).toList();
        if (body.isEmpty()) throw new IllegalArgumentException(label + " has no PEM body");
        add(label + " (base64 body)", String.join("", body));
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).length() >= MIN_FRAGMENT) add(label + " (line " + (i + 1) + ")", body.get(i));
        }
        return this;
    }

    /** A scanner with the same secrets, to extend without changing this one. */
    public SecretScanner copy() {
        SecretScanner c = new SecretScanner();
        c.secrets.putAll(secrets);
        return c;
    }

    public int size() {
        return secrets.size();
    }

    /** One finding per secret and line: "LABEL in SOURCE line N". */
    public List<String> findIn(String source, String text) {
        List<String> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Map.Entry<String, String> s : secrets.entrySet()) {
                if (lines[i].contains(s.getValue())) findings.add(s.getKey() + " in " + source + " line " + (i + 1));
            }
        }
        return findings;
    }

    /** Scans every regular file under {@code root} that {@code include} accepts. */
    public FileScan scanFiles(Path root, Predicate<Path> include) {
        List<String> scanned = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(include).sorted().toList()) {
                String name = root.relativize(f).toString();
                scanned.add(name);
                findings.addAll(findIn(name, new String(Files.readAllBytes(f), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + root, e);
        }
        return new FileScan(scanned, findings);
    }

    /** Which files were read (relative paths), and what was found in them. */
    public record FileScan(List<String> scanned, List<String> findings) {}
}
