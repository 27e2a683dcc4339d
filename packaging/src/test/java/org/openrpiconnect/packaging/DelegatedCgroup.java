package org.openrpiconnect.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A cgroup of the same name in each hierarchy a systemd manager uses, owned by a user: delegated, so that a
 * {@code systemd --user} moved into it can make its own slices and services below it. Whatever runs inside can be
 * listed and killed, and the folders removed, without touching any other process of that user.
 */
final class DelegatedCgroup {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    private final String name;
    private final List<Path> dirs;

    private DelegatedCgroup(String name, List<Path> dirs) {
        this.name = name;
        this.dirs = dirs;
    }

    /**
     * The hierarchies systemd uses here: the unified one alone (cgroup v2), or the named v1 hierarchy "systemd" plus
     * the unified one mounted at /sys/fs/cgroup/unified when there is one (hybrid). Empty when neither is mounted.
     */
    static List<Path> hierarchies() {
        if (Files.exists(ROOT.resolve("cgroup.controllers"))) return List.of(ROOT);
        List<Path> found = new ArrayList<>();
        if (Files.exists(ROOT.resolve("systemd/cgroup.procs"))) found.add(ROOT.resolve("systemd"));
        if (!found.isEmpty() && Files.exists(ROOT.resolve("unified/cgroup.procs"))) found.add(ROOT.resolve("unified"));
        return found;
    }

    static DelegatedCgroup create(String name, String owner) {
        List<Path> dirs = new ArrayList<>();
        try {
            for (Path hierarchy : hierarchies()) {
                dirs.add(Files.createDirectory(hierarchy.resolve(name)));
            }
        } catch (IOException e) {
            new DelegatedCgroup(name, dirs).remove();
            throw new UncheckedIOException("cannot create cgroup " + name, e);
        }
        DelegatedCgroup cgroup = new DelegatedCgroup(name, dirs);
        for (Path dir : dirs) {
            Run.of("chown", "-R", owner + ":" + owner, dir.toString()).ok();
        }
        return cgroup;
    }

    /** Its path as /proc/PID/cgroup shows it, for example /rpi-connect-test-123. */
    String path() {
        return "/" + name;
    }

    /** The cgroup.procs file of each hierarchy: a process writes its PID to each to move in. */
    List<Path> procsFiles() {
        return dirs.stream().map(d -> d.resolve("cgroup.procs")).toList();
    }

    /** Every process in it or below, in any of its hierarchies. */
    Set<Long> pids() {
        Set<Long> pids = new TreeSet<>();
        for (Path dir : dirs) {
            for (Path procs : below(dir, "cgroup.procs")) {
                try {
                    Files.readAllLines(procs).stream().filter(l -> !l.isBlank()).map(Long::parseLong).forEach(pids::add);
                } catch (NoSuchFileException gone) {
                    // the manager removed that cgroup meanwhile
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return pids;
    }

    /** SIGKILL to everything in it until it is empty; false if something is still there after the limit. */
    boolean killAll(Duration limit) throws InterruptedException {
        return Processes.killUntilNoneLeft(this::pids, limit);
    }

    /** Removes its folders, deepest first (a cgroup folder goes with rmdir once no process is in it). */
    void remove() {
        for (Path dir : dirs) {
            List<Path> folders = new ArrayList<>(below(dir, null));
            folders.sort(Comparator.comparingInt(Path::getNameCount).reversed());
            for (Path folder : folders) {
                try {
                    Files.deleteIfExists(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove cgroup " + folder + " (processes left in it?)", e);
                }
            }
        }
    }

    /** The folders of the tree (file == null), or the file of that name in each. */
    private static List<Path> below(Path dir, String file) {
        for (int attempt = 1; ; attempt++) {
            if (!Files.isDirectory(dir)) return List.of();
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(Files::isDirectory).map(d -> file == null ? d : d.resolve(file)).toList();
            } catch (UncheckedIOException | IOException e) {
                // A cgroup the manager removed during the walk: look again, a few times.
                if (attempt == 5) throw new AssertionError("cannot list cgroup " + dir, e);
            }
        }
    }
}
