package org.openrpiconnect.e2e.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The devices of one test: made on demand, all closed (daemons stopped, folders removed) after the test. */
public final class Devices implements AutoCloseable {
    private final CloudProcess cloud;
    private final Path logDir;
    private final List<DeviceUser> created = new ArrayList<>();

    public Devices(CloudProcess cloud, Path logDir) {
        this.cloud = cloud;
        this.logDir = logDir;
    }

    public synchronized DeviceUser create(String name) {
        DeviceUser d = DeviceUser.create(name, cloud, logDir);
        created.add(d);
        return d;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public synchronized void close() {
        for (DeviceUser d : created) {
            try {
                d.close();
            } catch (RuntimeException e) {
                System.err.println("e2e: closing device " + d.name() + " failed: " + e);
            }
        }
        created.clear();
    }
}
