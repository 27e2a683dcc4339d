package org.openrpiconnect.daemon.session;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import com.pty4j.unix.UnixPtyProcess;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's shell on a pseudo-terminal (pty4j). The shell leads its own session and process group; ending it
 * hangs up that group and every process started from the shell (background jobs have groups of their own), then
 * kills what is left after a grace period.
 */
final class ShellProcess {
    static final int INITIAL_COLUMNS = 80;
    static final int INITIAL_ROWS = 24;

    private final PtyProcess process;
    private final long pid;

    private ShellProcess(PtyProcess process) {
        this.process = process;
        this.pid = process.pid();
    }

    static ShellProcess start(List<String> command, Map<String, String> env, Path directory) throws IOException {
        PtyProcessBuilder builder = new PtyProcessBuilder(command.toArray(String[]::new))
                .setEnvironment(env)
                .setInitialColumns(INITIAL_COLUMNS)
                .setInitialRows(INITIAL_ROWS)
                .setConsole(false);
        if (directory != null) builder.setDirectory(directory.toString());
        return new ShellProcess(builder.start());
    }

    long pid() {
        return pid;
    }

    /** A reader of the pty's output (the terminal's screen side), for one reader thread. */
    PtyOutput output() throws IOException {
        return PtyOutput.of(((UnixPtyProcess) process).getPty().getMasterFD());
    }

    /** The pty's input (the keyboard side). */
    OutputStream input() {
        return process.getOutputStream();
    }

    void resize(int cols, int rows) {
        if (process.isAlive()) process.setWinSize(new WinSize(cols, rows));
    }

    /** Blocks until the shell exits; its exit status (128 + signal when killed by one, as shells report it). */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Hangs up the shell's process group and every other process of its session or descended from it (continuing
     * stopped ones so they see the hang-up).
     */
    void hangUp() {
        LibC.signalGroup(pid, LibC.SIGHUP);
        LibC.signalGroup(pid, LibC.SIGCONT);
        for (long p : descendants()) {
            LibC.signalProcess(p, LibC.SIGHUP);
            LibC.signalProcess(p, LibC.SIGCONT);
        }
    }

    /** Kills whatever still runs of the shell, its session and its descendants. */
    void killRemaining() {
        LibC.signalGroup(pid, LibC.SIGKILL);
        for (long p : descendants()) LibC.signalProcess(p, LibC.SIGKILL);
        if (process.isAlive()) process.destroyForcibly();
    }

    /** True when neither the shell nor any process of its session still runs. */
    boolean allGone() {
        return !process.isAlive() && descendants().isEmpty();
    }

    /** Processes in the shell's session (read from /proc) and its descendants, without the shell itself. */
    private Set<Long> descendants() {
        Set<Long> members = new HashSet<>(ProcessSessions.members(pid));
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> members.add(d.pid())));
        members.remove(pid);
        members.remove(ProcessHandle.current().pid());
        return members;
    }

    /** Closes pty4j's side of the pty (after the shell is gone). */
    void closePty() {
        try {
            process.getInputStream().close();
        } catch (IOException e) {
            // already closed
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
    }
}
