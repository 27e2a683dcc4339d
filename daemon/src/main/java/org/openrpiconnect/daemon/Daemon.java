package org.openrpiconnect.daemon;

import org.openrpiconnect.daemon.board.BoardFactsReader;
import org.openrpiconnect.daemon.cloud.Backoff;
import org.openrpiconnect.daemon.cloud.CloudClient;
import org.openrpiconnect.daemon.config.CloudEndpoint;
import org.openrpiconnect.daemon.config.CloudUrlConfig;
import org.openrpiconnect.daemon.config.ConnectConf;
import org.openrpiconnect.daemon.config.SessionConfig;
import org.openrpiconnect.daemon.ice.PeerToPeerChecks;
import org.openrpiconnect.daemon.identity.IdentitySource;
import org.openrpiconnect.daemon.link.AuthKeyFileWatcher;
import org.openrpiconnect.daemon.link.DeviceLink;
import org.openrpiconnect.daemon.link.IdentitySignInFlow;
import org.openrpiconnect.daemon.local.AlreadyRunningException;
import org.openrpiconnect.daemon.local.LocalDispatcher;
import org.openrpiconnect.daemon.local.LocalSocketServer;
import org.openrpiconnect.daemon.local.PeerCredentialCheck;
import org.openrpiconnect.daemon.service.Services;
import org.openrpiconnect.daemon.service.SettingsReport;
import org.openrpiconnect.daemon.session.DesktopNotifier;
import org.openrpiconnect.daemon.session.SessionManager;
import org.openrpiconnect.daemon.state.AtomicFileWriter;
import org.openrpiconnect.daemon.state.StateStore;
import org.openrpiconnect.protocol.Version;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires the daemon's parts together and runs them until SHUTDOWN or SIGTERM. */
public final class Daemon {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    /**
     * @param wayvncSocket the wayvnc socket given with -socket (used by screen sharing; null when not given)
     */
    public record Options(Path wayvncSocket) {}

    private final LocalSocketServer server;
    private final DeviceLink link;
    private final SessionManager sessions;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Options options;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch stoppedLatch = new CountDownLatch(1);

    private Daemon(LocalSocketServer server, DeviceLink link, SessionManager sessions,
                   ScheduledThreadPoolExecutor scheduler, Options options) {
        this.server = server;
        this.link = link;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.options = options;
    }

    public static Daemon start(DaemonEnvironment env, Options options) throws StartupException {
        Path socket = env.socketPath();
        Path stateDir = env.stateDir();
        ConnectConf conf = ConnectConf.load(List.of(ConnectConf.SYSTEM_FILE, stateDir.resolve(StateStore.CONFIG_FILE)));
        CloudEndpoint endpoint = CloudUrlConfig.resolve(conf, env.cloudUrlOverride());
        SessionConfig sessionConfig = SessionConfig.from(conf);
        IdentitySource identitySource = IdentitySource.from(conf, env.variables());

        LocalSocketServer server = bindSocket(socket);
        try {
            Clock clock = Clock.systemUTC();
            StateStore store = new StateStore(stateDir, new AtomicFileWriter(), clock);
            try {
                store.prepare();
            } catch (IOException e) {
                throw new StartupException("Cannot use the state directory " + stateDir + " (" + e.getMessage()
                        + "). Check that it is yours and writable, then start rpi-connectd again.");
            }
            Problems problems = new Problems();
            ScheduledThreadPoolExecutor scheduler = newScheduler();
            CloudClient cloud = new CloudClient(endpoint, CloudClient.REQUEST_TIMEOUT);
            BoardFactsReader board = new BoardFactsReader(env.sysroot(), System.getProperty("os.arch"),
                    Daemon::machineHostname);
            Services services = new Services(store, problems);
            DeviceLink link = new DeviceLink(store, board, cloud, scheduler, problems, clock);
            AuthKeyFileWatcher authKeys = new AuthKeyFileWatcher(store, link, problems, Backoff.standard(), clock);
            IdentitySignInFlow identity = new IdentitySignInFlow(identitySource, link, store, problems, scheduler,
                    Backoff.standard());
            SessionManager sessions = new SessionManager(services, sessionConfig, env.variables(), link::sendSignal,
                    new DesktopNotifier(env.variables()));
            link.handleSessions(new DeviceLink.SessionHandler() {
                @Override
                public void onSignal(SessionSignal signal) {
                    sessions.onSignal(signal);
                }

                @Override
                public void onSignedOut() {
                    sessions.endAll(SessionEndCode.DEVICE_STOPPING, "This device signed out of Raspberry Pi Connect.");
                }
            });
            SettingsReport settingsReport = new SettingsReport(link, services);
            link.whenGreeted(settingsReport::send);
            Daemon daemon = new Daemon(server, link, sessions, scheduler, options);

            log.info("rpi-connectd {} starting (socket {}, cloud {}, state {}, device identity: {})",
                    Version.current(), socket, endpoint, stateDir, identitySource.describe());
            if (options.wayvncSocket() != null) log.debug("wayvnc socket: {}", options.wayvncSocket());
            services.load();
            link.start();
            identity.startAtLaunch();
            scheduler.scheduleWithFixedDelay(authKeys::check, 0, AuthKeyFileWatcher.CHECK_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
            StatusReporter status = new StatusReporter(link, services, problems, endpoint);
            Doctor doctor = new Doctor(cloud, link, new PeerToPeerChecks(sessions.webRtc(), endpoint.text()));
            server.serve(new LocalDispatcher(LocalHandlers.table(status, link, identity, services,
                    settingsReport::send, doctor, daemon::stop)));
            log.info("Listening on {}", socket);
            return daemon;
        } catch (StartupException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public Options options() {
        return options;
    }

    /** Blocks until the daemon has stopped. */
    public void awaitStop() throws InterruptedException {
        stoppedLatch.await();
    }

    /** The remote sessions (tests look at it). */
    public SessionManager sessions() {
        return sessions;
    }

    /**
     * Stops serving, ends the remote sessions (while the event socket can still tell the cloud), then closes the
     * cloud link (without signing out); removes the socket. Idempotent.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) return;
        log.info("rpi-connectd stopping");
        server.close();
        sessions.shutdown();
        link.stop();
        scheduler.shutdownNow();
        stoppedLatch.countDown();
    }

    private static LocalSocketServer bindSocket(Path socket) throws StartupException {
        PeerCredentialCheck peers;
        try {
            peers = PeerCredentialCheck.forThisProcess();
        } catch (IOException e) {
            throw new StartupException("Cannot tell which user this process runs as (" + e.getMessage() + ").");
        }
        LocalSocketServer server = new LocalSocketServer(socket, peers, LocalSocketServer.READ_TIMEOUT);
        try {
            server.bind();
        } catch (AlreadyRunningException e) {
            throw new StartupException(e.getMessage());
        } catch (IOException e) {
            throw new StartupException("Cannot create the socket " + socket + " (" + e.getMessage() + "). Check that "
                    + socket.getParent() + " exists and belongs to you (it is XDG_RUNTIME_DIR).");
        }
        return server;
    }

    private static ScheduledThreadPoolExecutor newScheduler() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, task -> {
            Thread t = new Thread(task, "link-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    private static String machineHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }
}
