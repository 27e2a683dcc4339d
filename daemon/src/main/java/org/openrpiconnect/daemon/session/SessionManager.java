package org.openrpiconnect.daemon.session;

import dev.onvoid.webrtc.PeerConnectionFactory;
import org.openrpiconnect.daemon.config.SessionConfig;
import org.openrpiconnect.daemon.service.Service;
import org.openrpiconnect.daemon.service.Services;
import org.openrpiconnect.protocol.session.SessionEndCode;
import org.openrpiconnect.protocol.session.SessionLimits;
import org.openrpiconnect.protocol.session.SessionSignal;
import org.openrpiconnect.protocol.session.ShellControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The device side of remote sessions: takes the cloud's session frames from the event socket, refuses what it
 * must (shell off, too many sessions, malformed offers, unknown sessions), runs one {@link ShellSession} per accepted
 * offer, and keeps the status counter. WebRTC is loaded on the first session, not before.
 *
 * <p>Frames are handled in order on one serial executor; each session then runs on its own, so a session that
 * misbehaves (or is slow) never holds up another.
 */
public final class SessionManager {
    /** On shutdown: how long sessions get to end (farewell message included) before the process goes on. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
    /** Ids of ended sessions kept to drop late frames about them quietly (browsers trickle after the end). */
    private static final int RECENTLY_ENDED = 128;
    private static final Logger log = LoggerFactory.getLogger(SessionManager.class);

    private final Services services;
    private final SessionConfig config;
    private final Map<String, String> env;
    private final SignalSink sink;
    private final DesktopNotifier notifier;
    private final ShellLauncher launcher;
    private final ExecutorService pool;
    private final ScheduledThreadPoolExecutor scheduler;
    private final SerialExecutor frames;
    private final WebRtcFactory factory;
    private final Duration connectTimeout;
    private final Map<String, ShellSession> sessions = new ConcurrentHashMap<>();
    private final Set<String> recentlyEnded = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENTLY_ENDED;
        }
    });
    private volatile boolean stopping;

    public SessionManager(Services services, SessionConfig config, Map<String, String> env, SignalSink sink,
                          DesktopNotifier notifier) {
        this(services, config, env, sink, notifier, Duration.ofSeconds(SessionLimits.CONNECT_TIMEOUT_SECONDS));
    }

    /** With another connect timeout (tests). */
    SessionManager(Services services, SessionConfig config, Map<String, String> env, SignalSink sink,
                   DesktopNotifier notifier, Duration connectTimeout) {
        this(services, config, env, sink, notifier, connectTimeout, WebRtcFactory::new);
    }

    /** With another WebRTC factory holder (tests of faults while a session starts). */
    SessionManager(Services services, SessionConfig config, Map<String, String> env, SignalSink sink,
                   DesktopNotifier notifier, Duration connectTimeout,
                   Function<ScheduledExecutorService, WebRtcFactory> factories) {
        this.connectTimeout = connectTimeout;
        this.services = services;
        this.config = config;
        this.env = Map.copyOf(env);
        this.sink = sink;
        this.notifier = notifier;
        this.launcher = new ShellLauncher(this.env);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(task -> daemonThread(task, "session-" + n.incrementAndGet()));
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> daemonThread(task, "session-timer"));
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.frames = new SerialExecutor(pool, "session frames");
        this.factory = factories.apply(scheduler);
    }

    /** A frame from the cloud; returns at once (called on the event socket's thread). */
    public void onSignal(SessionSignal signal) {
        frames.execute(() -> dispatch(signal));
    }

    /** Sessions open or being set up: what status shows and the cap counts. */
    public int active() {
        return sessions.size();
    }

    /** Whether WebRTC has been loaded (it is not until the first session). */
    public boolean webRtcLoaded() {
        return factory.loaded();
    }

    /** The WebRTC factory holder, loaded on first use (doctor's candidate gathering shares it). */
    public WebRtcFactory webRtc() {
        return factory;
    }

    /** Ends every session (the device signed out); new offers are still taken. */
    public void endAll(SessionEndCode code, String reason) {
        for (ShellSession s : sessions.values()) s.end(code, reason, ShellControl.error(reason));
    }

    /**
     * Ends every session and waits (bounded) until they are closed, so that the WebRTC factory is disposed only
     * after its peer connections; then kills what is left of the shells. Call before the event socket closes, so
     * the cloud hears about the ends.
     */
    public void shutdown() {
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        // Through the frame executor: an offer being handled now finishes (or is refused) before the snapshot.
        CompletableFuture<List<ShellSession>> snapshot = new CompletableFuture<>();
        frames.execute(() -> {
            stopping = true;
            snapshot.complete(new ArrayList<>(sessions.values()));
        });
        List<ShellSession> open;
        try {
            open = snapshot.get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            stopping = true;
            open = new ArrayList<>(sessions.values());
        }
        String reason = "The device is shutting down Raspberry Pi Connect.";
        open.forEach(s -> s.end(SessionEndCode.DEVICE_STOPPING, reason, ShellControl.error(reason)));
        try {
            CompletableFuture.allOf(open.stream().map(ShellSession::done).toArray(CompletableFuture[]::new))
                    .get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{} remote session(s) did not close within {} s", sessions.size(), SHUTDOWN_WAIT.toSeconds());
        } catch (Exception e) {
            log.warn("Ending the remote sessions: {}", e.toString());
        }
        open.forEach(ShellSession::killShellNow);
        factory.shutdown();
        scheduler.shutdownNow();
        pool.shutdown();
    }

    // ---- frames ------------------------------------------------------------------------------------------------

    private void dispatch(SessionSignal signal) {
        String id = signal.sessionId();
        if (!SessionLimits.validSessionId(id)) {
            log.warn("Ignoring a {} frame whose session id is missing or not of the form {}", signal.type(),
                    SessionLimits.SESSION_ID.pattern());
            return;
        }
        switch (signal.type()) {
            case SessionSignal.OFFER -> offerGuarded(signal);
            case SessionSignal.ICE -> {
                ShellSession s = sessions.get(id);
                if (s == null) {
                    unknown(signal);
                } else {
                    s.remoteCandidate(signal);
                }
            }
            case SessionSignal.CLOSE -> {
                ShellSession s = sessions.get(id);
                if (s == null) {
                    unknown(signal);
                } else {
                    String reason = "The session was closed from Raspberry Pi Connect.";
                    s.end(SessionEndCode.CLOSED_BY_CLOUD, reason, ShellControl.error(reason));
                }
            }
            default -> log.debug("Ignoring session frame {} (session {})", signal.type(), id);
        }
    }

    /**
     * An unexpected fault while a session starts (a bug, a native library that fails to load) ends that session
     * with {@code internal} so the browser hears why, instead of waiting for an answer that never comes.
     */
    private void offerGuarded(SessionSignal offer) {
        try {
            offer(offer);
        } catch (RuntimeException | LinkageError e) {
            String id = offer.sessionId();
            log.error("Remote session {} failed while starting: {}", id, e.toString());
            String reason = "The device could not start the remote shell because of an internal error; the device's "
                    + "log (rpi-connectd) has the details.";
            ShellSession started = sessions.get(id);
            if (started != null) {
                started.end(SessionEndCode.INTERNAL, reason, ShellControl.error(reason));
            } else {
                refuse(id, SessionEndCode.INTERNAL, reason);
            }
        }
    }

    private void offer(SessionSignal offer) {
        String id = offer.sessionId();
        if (sessions.containsKey(id) || endedRecently(id)) {
            log.warn("Ignoring a second offer for session {}", id);
            return;
        }
        Optional<OfferCheck.Refusal> problem = OfferCheck.problem(offer);
        if (problem.isPresent()) {
            refuse(id, problem.get().code(), problem.get().reason());
            return;
        }
        if (stopping) {
            refuse(id, SessionEndCode.DEVICE_STOPPING, "The device is shutting down Raspberry Pi Connect. Try again "
                    + "once it is back.");
            return;
        }
        if (!services.allowed(Service.SHELL)) {
            refuse(id, SessionEndCode.SHELL_DISALLOWED, "Remote shell access is turned off on this device. To allow "
                    + "it, run rpi-connect shell on on the device.");
            return;
        }
        if (sessions.size() >= config.maxShellSessions()) {
            refuse(id, SessionEndCode.SESSION_LIMIT, "This device already has " + sessions.size() + " remote shell "
                    + "sessions open, the most it allows. Close one and try again (the limit is max_shell_sessions "
                    + "in connect.conf on the device).");
            return;
        }
        NativeDirs.prepare(env);
        PeerConnectionFactory peers;
        try {
            peers = factory.acquire();
        } catch (WebRtcFactory.UnavailableException e) {
            refuse(id, SessionEndCode.INTERNAL, e.getMessage());
            return;
        }
        ShellSession session = new ShellSession(id, new Host(), new SerialExecutor(pool, "session " + id), scheduler,
                launcher, connectTimeout);
        sessions.put(id, session);
        services.sessions().opened(Service.SHELL);
        log.info("Remote shell session {} requested ({} ICE, {} ICE server(s))", id,
                IceConfig.relayOnly(offer) ? "relay-only" : "any", offer.iceServers() == null ? 0
                        : offer.iceServers().size());
        session.start(offer, peers);
    }

    private void refuse(String id, SessionEndCode code, String reason) {
        log.info("Refused remote session {}: {} ({})", id, reason, code.wire());
        rememberEnded(id); // the browser's candidates may still be on their way
        send(SessionSignal.closed(id, code, reason));
    }

    private void unknown(SessionSignal signal) {
        if (endedRecently(signal.sessionId())) return; // a late frame about a session that just ended
        log.info("A {} frame names session {}, which is not open here", signal.type(), signal.sessionId());
        send(SessionSignal.closed(signal.sessionId(), SessionEndCode.UNKNOWN_SESSION, "This session is not open on "
                + "the device (it ended, or never started). Connect again."));
    }

    private void rememberEnded(String id) {
        synchronized (recentlyEnded) {
            recentlyEnded.add(id);
        }
    }

    private boolean endedRecently(String id) {
        synchronized (recentlyEnded) {
            return recentlyEnded.contains(id);
        }
    }

    private void send(SessionSignal signal) {
        if (!sink.send(signal)) {
            log.debug("Could not send {} for session {}: the event connection is down", signal.type(),
                    signal.sessionId());
        }
    }

    private final class Host implements ShellSession.Host {
        @Override
        public void signal(SessionSignal signal) {
            send(signal);
        }

        @Override
        public void connected(ShellSession session) {
            log.info("Remote shell session {} connected", session.id());
            notifier.notify("Remote shell session started");
        }

        @Override
        public void ended(ShellSession session, SessionEndCode code) {
            rememberEnded(session.id());
            if (sessions.remove(session.id(), session)) {
                services.sessions().closed(Service.SHELL);
                factory.release();
            }
            log.info("Remote shell session {} ended ({})", session.id(), code.wire());
        }
    }

    private static Thread daemonThread(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }
}
