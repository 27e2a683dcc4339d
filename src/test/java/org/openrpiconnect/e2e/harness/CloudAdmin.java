package org.openrpiconnect.e2e.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cloud's admin command line ({@code bin/rpi-connect-cloud ... --data DIR}), which works while the server
 * runs. Its stderr goes to &lt;logDir&gt;/cloud-admin.log (scanned for secrets like every log); its stdout, where
 * keys and tokens are shown once by design, to admin-stdout.log.
 */
public final class CloudAdmin {
    public static final String STDOUT_LOG = "admin-stdout.log";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern CREATED_USER = Pattern.compile("^Created user (\\S+) \\(id ([^)\\s]+)\\)$");
    private static final Pattern SECRET = Pattern.compile("^(rpuak_|rpoak_|rporg_)\\S+$");

    private final Path dataDir;
    private final Path logDir;

    CloudAdmin(Path dataDir, Path logDir) {
        this.dataDir = dataDir;
        this.logDir = logDir;
    }

    public ProcessResult run(String stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(E2ePaths.launcher("rpi-connect-cloud"));
        cmd.addAll(Arrays.asList(args));
        cmd.add("--data");
        cmd.add(dataDir.toString());
        String label = "rpi-connect-cloud " + String.join(" ", args);
        ProcessResult r = CommandRunner.run(label, cmd, null, stdin, TIMEOUT);
        E2eLogs.append(logDir.resolve(STDOUT_LOG), "$ " + label + "   # exit " + r.exitCode() + "\n" + r.stdout());
        if (!r.stderr().isEmpty()) E2eLogs.append(logDir.resolve("cloud-admin.log"), "$ " + label + "\n" + r.stderr());
        return r;
    }

    /** {@code user create EMAIL}, password on stdin; returns the user's id. */
    public String createUser(String email, String password) {
        ProcessResult r = ok(run(password + "\n", "user", "create", email));
        Matcher m = CREATED_USER.matcher(r.stdout().trim());
        if (!m.matches() || !m.group(1).equals(email)) {
            throw new AssertionError("expected 'Created user " + email + " (id ID)', got:\n" + r);
        }
        return m.group(2);
    }

    public ProcessResult createOrg(String name, String adminEmail) {
        return ok(run(null, "org", "create", name, "--admin", adminEmail));
    }

    /** {@code auth-key create OPTIONS}: returns the secret, which must be the only thing on stdout. */
    public String createAuthKey(String... options) {
        List<String> args = new ArrayList<>(List.of("auth-key", "create"));
        args.addAll(Arrays.asList(options));
        return secretOf(ok(run(null, args.toArray(String[]::new))));
    }

    /** {@code token create --org NAME}: returns the {@code rporg_} token. */
    public String createToken(String org) {
        String token = secretOf(ok(run(null, "token", "create", "--org", org)));
        if (!token.startsWith("rporg_")) throw new AssertionError("expected an rporg_ token, got " + token.length()
                + " characters starting with " + token.substring(0, Math.min(6, token.length())));
        return token;
    }

    public List<DeviceRow> devices() {
        return DeviceRow.parseList(ok(run(null, "device", "list")).stdout());
    }

    public void removeDevice(String id) {
        ok(run(null, "device", "remove", id));
    }

    public void renameDevice(String id, String name) {
        ok(run(null, "device", "rename", id, name));
    }

    private static String secretOf(ProcessResult r) {
        String out = r.stdout().trim();
        if (!SECRET.matcher(out).matches()) {
            throw new AssertionError(r.label() + " must print only the secret (rpuak_/rpoak_/rporg_...), got "
                    + out.lines().count() + " line(s)");
        }
        return out;
    }

    private static ProcessResult ok(ProcessResult r) {
        if (r.exitCode() != 0) throw new AssertionError("admin command failed: " + r);
        return r;
    }
}
