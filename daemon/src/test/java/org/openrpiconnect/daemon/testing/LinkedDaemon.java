package org.openrpiconnect.daemon.testing;

import org.openrpiconnect.protocol.local.LocalMethod;
import org.openrpiconnect.protocol.local.ServiceParams;
import org.openrpiconnect.protocol.local.SignInParams;
import org.openrpiconnect.protocol.local.StatusResult;
import org.openrpiconnect.protocol.session.SessionSignal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import static org.openrpiconnect.daemon.testing.DaemonHarness.eventually;

/** A fake cloud and a real in-process daemon linked to it and subscribed to events: the start of session tests. */
public final class LinkedDaemon implements AutoCloseable {
    public final FakeCloud cloud;
    public final DaemonHarness daemon;
    public final String deviceId;

    private LinkedDaemon(FakeCloud cloud, DaemonHarness daemon, String deviceId) {
        this.cloud = cloud;
        this.daemon = daemon;
        this.deviceId = deviceId;
    }

    public static LinkedDaemon start(Path dir) throws Exception {
        return start(dir, "", env -> { });
    }

    /** With {@code connectConf} as the user's connect.conf and the environment adjusted before the start. */
    public static LinkedDaemon start(Path dir, String connectConf, Consumer<Map<String, String>> envChange)
            throws Exception {
        FakeCloud cloud = FakeCloud.start();
        DaemonHarness daemon = new DaemonHarness(dir, cloud.url());
        if (!connectConf.isEmpty()) {
            Files.createDirectories(daemon.stateDir());
            Files.writeString(daemon.stateDir().resolve("connect.conf"), connectConf);
        }
        envChange.accept(daemon.env());
        daemon.start();
        cloud.addAuthKey("rpuak_session_tests");
        var r = daemon.call(LocalMethod.SIGNIN, new SignInParams("rpuak_session_tests"));
        if (!r.ok()) throw new AssertionError("sign-in failed: " + r.error());
        eventually(Duration.ofSeconds(10), "subscribed", () -> daemon.status().subscribed());
        return new LinkedDaemon(cloud, daemon, cloud.devices().get(0).id());
    }

    public BrowserPeer connect(String sessionId, BrowserPeer.Ice ice) throws Exception {
        return BrowserPeer.connect(cloud, deviceId, sessionId, ice);
    }

    public BrowserPeer offer(String sessionId, BrowserPeer.Ice ice) throws Exception {
        return BrowserPeer.offer(cloud, deviceId, sessionId, ice);
    }

    /** Waits for the device's frame of this type about this session (relayed by the cloud). */
    public SessionSignal awaitFromDevice(String sessionId, String type, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (SessionSignal s : cloud.signalsFromDevices()) {
                if (sessionId.equals(s.sessionId()) && type.equals(s.type())) return s;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type + " for session " + sessionId + " within " + timeout
                        + "; the device sent " + cloud.signalsFromDevices());
            }
            Thread.sleep(20);
        }
    }

    /** Sends a frame to the device as the cloud would relay it from a browser. */
    public void sendToDevice(SessionSignal signal) {
        if (!cloud.sendSignal(deviceId, signal)) throw new AssertionError("the device is not connected");
    }

    public int shellSessions() throws Exception {
        return daemon.status().remoteShell().sessionsActive();
    }

    public StatusResult shell(boolean allowed) throws Exception {
        return daemon.result(LocalMethod.SET_SERVICE, new ServiceParams(ServiceParams.SHELL, allowed),
                StatusResult.class);
    }

    @Override
    public void close() {
        daemon.close();
        cloud.close();
    }
}
