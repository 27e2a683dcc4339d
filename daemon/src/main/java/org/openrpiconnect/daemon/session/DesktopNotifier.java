package org.openrpiconnect.daemon.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Desktop notifications through {@code notify-send} (libnotify), where it is installed: the seed's "A desktop
 * notification appears whenever a remote shell session starts". Runs in the background; a failure (no desktop
 * session, no D-Bus) only goes to the debug log.
 */
public final class DesktopNotifier {
    static final String TITLE = "Raspberry Pi Connect";
    private static final Logger log = LoggerFactory.getLogger(DesktopNotifier.class);

    private final Map<String, String> env;

    public DesktopNotifier(Map<String, String> env) {
        this.env = env;
    }

    public void notify(String message) {
        Path notifySend = find("notify-send");
        if (notifySend == null) return;
        Thread t = new Thread(() -> run(notifySend, message), "notify-send");
        t.setDaemon(true);
        t.start();
    }

    private void run(Path notifySend, String message) {
        ProcessBuilder pb = new ProcessBuilder(List.of(notifySend.toString(), "--app-name=" + TITLE, TITLE, message))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.debug("notify-send did not finish within 5 s");
            } else if (p.exitValue() != 0) {
                log.debug("notify-send exited with {}", p.exitValue());
            }
        } catch (Exception e) {
            log.debug("notify-send failed: {}", e.toString());
        }
    }

    private Path find(String program) {
        String path = env.get("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
