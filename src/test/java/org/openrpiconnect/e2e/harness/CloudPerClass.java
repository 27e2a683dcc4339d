package org.openrpiconnect.e2e.harness;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;

/**
 * The usual shape of an end-to-end test class: one cloud process shared by the class (logs in
 * e2e-logs/&lt;class&gt;/) and a fresh {@link Devices} per test (logs in e2e-logs/&lt;class&gt;/&lt;test&gt;/), all
 * stopped afterwards. Use: {@code @RegisterExtension static final CloudPerClass shared = new CloudPerClass();}, then
 * {@code shared.cloud()} and {@code shared.devices()}; {@link #withTurn()} also starts a coturn for the class and
 * gives the cloud its TURN options ({@code shared.turn()}).
 */
public final class CloudPerClass implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private final boolean withTurn;
    private Coturn turn;
    private CloudProcess cloud;
    private Devices devices;

    public CloudPerClass() {
        this(false);
    }

    private CloudPerClass(boolean withTurn) {
        this.withTurn = withTurn;
    }

    /** The cloud hands out TURN credentials for a real coturn started for the class. */
    public static CloudPerClass withTurn() {
        return new CloudPerClass(true);
    }

    public Coturn turn() {
        if (turn == null) throw new IllegalStateException("this class's cloud has no coturn: use CloudPerClass.withTurn()");
        return turn;
    }

    public CloudProcess cloud() {
        return cloud;
    }

    public Devices devices() {
        return devices;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Path logs = E2eLogs.forClass(context.getRequiredTestClass());
        if (withTurn) {
            turn = Coturn.start(logs);
            cloud = CloudProcess.start(logs, turn.serveOptions());
        } else {
            cloud = CloudProcess.start(logs);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cloud != null) cloud.close();
        if (turn != null) turn.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        devices = new Devices(cloud, E2eLogs.forTest(context.getRequiredTestClass(),
                context.getRequiredTestMethod().getName()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (devices != null) devices.close();
    }
}
