package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.Actor;
import org.openrpiconnect.cloud.model.Artefact;
import org.openrpiconnect.cloud.model.AuditAction;
import org.openrpiconnect.cloud.model.Deployment;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.Page;
import org.openrpiconnect.cloud.model.PageRequest;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.store.ArtefactStore;
import org.openrpiconnect.cloud.store.DeploymentStore;
import org.openrpiconnect.cloud.store.DeviceEventStore;
import org.openrpiconnect.cloud.store.OrganisationStore;
import org.openrpiconnect.protocol.Json;
import org.openrpiconnect.protocol.device.DeploymentReport;
import org.openrpiconnect.protocol.device.DeploymentState;
import org.openrpiconnect.protocol.device.DeviceErrorCode;
import org.openrpiconnect.protocol.device.DeviceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Deployments of artefacts to an organisation's devices, and the device's reports on them. A new deployment
 * supersedes the device's pending one (which fails with {@link #SUPERSEDED}); only a pending one can be cancelled.
 * The device hears of changes to its open deployments through its event socket.
 */
public final class Deployments {
    private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);
    public static final String SUPERSEDED = "Superseded by a newer deployment";
    public static final String BLOCKED = "Deployments are blocked until billing has been set up";
    public static final int MAX_REASON_LENGTH = 1000;

    private final Database db;
    private final DeploymentStore deployments;
    private final ArtefactStore artefacts;
    private final OrganisationStore organisations;
    private final Devices devices;
    private final DeviceEventStore events;
    private final AuditLog audit;
    private final Clock clock;

    /** A deployment with its artefact, as the device is told about it. */
    public record Open(Deployment deployment, Artefact artefact) {}

    public Deployments(Database db, DeploymentStore deployments, ArtefactStore artefacts,
                       OrganisationStore organisations, Devices devices, DeviceEventStore events, AuditLog audit,
                       Clock clock) {
        this.db = db;
        this.deployments = deployments;
        this.artefacts = artefacts;
        this.organisations = organisations;
        this.devices = devices;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Deployment create(String organisationId, String deviceId, String artefactId, Actor actor) {
        if (artefactId == null || artefactId.isBlank()) {
            throw CloudError.badRequest("param is missing or the value is empty: artefact_id (give the id of one of"
                    + " the organisation's artefacts, see GET /organisation/artefacts)");
        }
        Deployment created = db.inTransaction(c -> {
            Device device = devices.requireInOrganisation(c, organisationId, deviceId);
            Artefact artefact = artefacts.findInOrganisation(c, organisationId, artefactId.strip())
                    .orElseThrow(() -> Artefacts.notFound(artefactId.strip()));
            Organisation org = organisations.findById(c, organisationId).orElseThrow();
            long now = clock.millis();
            if (org.deploymentsBlockedAt(now)) throw CloudError.forbidden(BLOCKED);
            int superseded = deployments.moveAll(c, device.id(), DeploymentState.PENDING, DeploymentState.FAILED,
                    SUPERSEDED, now);
            // strictly after the device's previous deployment, so "newest first" never ties
            long createdAt = Math.max(now, deployments.latestCreatedAt(c, device.id()) + 1);
            Deployment d = new Deployment(Secrets.newId(), organisationId, device.id(), artefact.id(),
                    DeploymentState.PENDING, null, createdAt, createdAt);
            deployments.insert(c, d);
            tellDevice(c, device.id(), now);
            audit.record(c, organisationId, AuditAction.DEPLOYMENT_CREATED,
                    new AuditLog.Subject("device", device.id(), device.name()), actor);
            if (superseded > 0) LOG.info("device {}: {} pending deployment(s) superseded", device.id(), superseded);
            return d;
        });
        LOG.info("deployment {} of artefact {} to device {} created", created.id(), created.artefactId(),
                created.deviceId());
        return created;
    }

    public Deployment show(String organisationId, String deploymentId) {
        return db.read(c -> deployments.findInOrganisation(c, organisationId, deploymentId))
                .orElseThrow(() -> notFound(deploymentId));
    }

    /** The device's deployments, newest first. */
    public Page<Deployment> listForDevice(String organisationId, String deviceId, PageRequest page) {
        return db.read(c -> {
            Device device = devices.requireInOrganisation(c, organisationId, deviceId);
            return new Page<>(deployments.pageForDevice(c, device.id(), page), page,
                    deployments.countForDevice(c, device.id()));
        });
    }

    public Deployment cancel(String organisationId, String deploymentId, Actor actor) {
        Deployment cancelled = db.inTransaction(c -> {
            Deployment d = deployments.findInOrganisation(c, organisationId, deploymentId)
                    .orElseThrow(() -> notFound(deploymentId));
            long now = clock.millis();
            if (d.state() != DeploymentState.PENDING
                    || !deployments.move(c, d.id(), DeploymentState.PENDING, DeploymentState.CANCELLED, null, now)) {
                DeploymentState current = deployments.findInOrganisation(c, organisationId, deploymentId)
                        .map(Deployment::state).orElse(d.state());
                throw CloudError.unprocessable("Cannot cancel deployment in state \"" + current.wire() + "\"");
            }
            tellDevice(c, d.deviceId(), now);
            audit.record(c, organisationId, AuditAction.DEPLOYMENT_CANCELLED,
                    new AuditLog.Subject("deployment", d.id(), null), actor);
            return deployments.findInOrganisation(c, organisationId, deploymentId).orElseThrow();
        });
        LOG.info("deployment {} cancelled", deploymentId);
        return cancelled;
    }

    /** The device's pending and in-progress deployments with their artefacts, oldest first. */
    public List<Open> openFor(Device device) {
        return db.read(c -> {
            List<Open> out = new ArrayList<>();
            for (Deployment d : deployments.openForDevice(c, device.id())) {
                artefacts.findById(c, d.artefactId()).ifPresent(a -> out.add(new Open(d, a)));
            }
            return out;
        });
    }

    /**
     * A device reports progress: pending -> in_progress -> succeeded | failed (a failure needs a reason). The
     * current state again is accepted as a retry; anything else of a closed deployment is a 409 so the device drops
     * it.
     */
    public Open report(Device device, String deploymentId, DeploymentReport report) {
        DeploymentState to = report == null ? null : report.state();
        if (to == null || to == DeploymentState.PENDING || to == DeploymentState.CANCELLED) {
            throw CloudError.device(DeviceErrorCode.BAD_REQUEST, "Report a state of in_progress, succeeded or failed");
        }
        String reason = report.stateReason() == null ? null : report.stateReason().strip();
        if (to == DeploymentState.FAILED && (reason == null || reason.isEmpty())) {
            throw CloudError.device(DeviceErrorCode.BAD_REQUEST, "A failed deployment needs a state_reason saying"
                    + " why it failed (e.g. Checksum mismatch)");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) reason = reason.substring(0, MAX_REASON_LENGTH);
        String stateReason = to == DeploymentState.FAILED ? reason : null;
        Open result = db.inTransaction(c -> {
            Deployment d = deployments.findForDevice(c, device.id(), deploymentId).orElseThrow(() ->
                    CloudError.device(DeviceErrorCode.NOT_FOUND, "This device has no deployment " + deploymentId
                            + ": fetch its deployments again"));
            if (d.state() != to) {
                if (!d.state().isOpen() || !deployments.move(c, d.id(), d.state(), to, stateReason, clock.millis())) {
                    throw CloudError.device(DeviceErrorCode.DEPLOYMENT_CLOSED, "Deployment " + d.id() + " is "
                            + d.state().wire() + " and takes no more reports: drop it");
                }
            }
            Deployment now = deployments.findForDevice(c, device.id(), deploymentId).orElseThrow();
            return new Open(now, artefacts.findById(c, now.artefactId()).orElseThrow());
        });
        LOG.info("device {}: deployment {} is {}", device.id(), deploymentId, to.wire());
        return result;
    }

    private void tellDevice(Connection c, String deviceId, long now) throws SQLException {
        events.insert(c, deviceId, DeviceEvent.DEPLOYMENTS_CHANGED, Json.write(DeviceEvent.deploymentsChanged()), now);
    }

    static CloudError notFound(String deploymentId) {
        return CloudError.notFound("No deployment with id " + deploymentId + " in this organisation: list a device's"
                + " deployments with GET /organisation/devices/DEVICE_ID/deployments");
    }
}
