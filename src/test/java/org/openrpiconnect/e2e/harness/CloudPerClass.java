package org.openrpiconnect.e2e.harness;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The usual shape of an end-to-end test class: one cloud process shared by the class (logs in
 * e2e-logs/&lt;class&gt;/) and a fresh {@link Devices} per test (logs in e2e-logs/&lt;class&gt;/&lt;test&gt;/), all
 * stopped afterwards. Use: {@code @RegisterExtension static final CloudPerClass shared = new CloudPerClass();}, then
 * {@code shared.cloud()} and {@code shared.devices()}.
 */
public final class CloudPerClass implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private CloudProcess cloud;
    private Devices devices;

    public CloudProcess cloud() {
        return cloud;
    }

    public Devices devices() {
        return devices;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cloud = CloudProcess.start(E2eLogs.forClass(context.getRequiredTestClass()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cloud != null) cloud.close();
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
