package org.openrpiconnect.cloud;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.mail.Mailer;
import org.openrpiconnect.cloud.mail.OutboxMailer;
import org.openrpiconnect.cloud.service.Accounts;
import org.openrpiconnect.cloud.service.ApiTokens;
import org.openrpiconnect.cloud.service.Artefacts;
import org.openrpiconnect.cloud.service.AuditLog;
import org.openrpiconnect.cloud.service.AuthKeys;
import org.openrpiconnect.cloud.service.Deployments;
import org.openrpiconnect.cloud.service.DeviceIdentities;
import org.openrpiconnect.cloud.service.Devices;
import org.openrpiconnect.cloud.service.Linking;
import org.openrpiconnect.cloud.service.Notifications;
import org.openrpiconnect.cloud.service.Organisations;
import org.openrpiconnect.cloud.store.ApiTokenStore;
import org.openrpiconnect.cloud.store.ArtefactStore;
import org.openrpiconnect.cloud.store.AuditEventStore;
import org.openrpiconnect.cloud.store.AuthKeyStore;
import org.openrpiconnect.cloud.store.DeploymentStore;
import org.openrpiconnect.cloud.store.DeviceCodeStore;
import org.openrpiconnect.cloud.store.DeviceEventStore;
import org.openrpiconnect.cloud.store.DeviceIdentityStore;
import org.openrpiconnect.cloud.store.DeviceStore;
import org.openrpiconnect.cloud.store.OrganisationStore;
import org.openrpiconnect.cloud.store.OutboxStore;
import org.openrpiconnect.cloud.store.UserStore;
import org.openrpiconnect.cloud.store.WebSessionStore;

import java.time.Clock;

/** The cloud's services wired to one database: shared by the server and the admin commands. */
public final class Cloud {
    public final Database db;
    public final Clock clock;
    public final PublicUrl publicUrl;
    public final UserStore userStore = new UserStore();
    public final OrganisationStore organisationStore = new OrganisationStore();
    public final DeviceStore deviceStore = new DeviceStore();
    public final AuthKeyStore authKeyStore = new AuthKeyStore();
    public final ApiTokenStore apiTokenStore = new ApiTokenStore();
    public final DeviceCodeStore deviceCodeStore = new DeviceCodeStore();
    public final DeviceEventStore deviceEventStore = new DeviceEventStore();
    public final OutboxStore outboxStore = new OutboxStore();
    public final WebSessionStore webSessionStore = new WebSessionStore();
    public final DeviceIdentityStore deviceIdentityStore = new DeviceIdentityStore();
    public final ArtefactStore artefactStore = new ArtefactStore();
    public final DeploymentStore deploymentStore = new DeploymentStore();
    public final AuditEventStore auditEventStore = new AuditEventStore();
    public final Accounts accounts;
    public final Organisations organisations;
    public final AuthKeys authKeys;
    public final ApiTokens apiTokens;
    public final Devices devices;
    public final Notifications notifications;
    public final Linking linking;
    public final AuditLog auditLog;
    public final DeviceIdentities deviceIdentities;
    public final Artefacts artefacts;
    public final Deployments deployments;

    /** With the default mailer, which keeps mails in the outbox table. */
    public static Cloud withOutbox(Database db, Clock clock, PublicUrl publicUrl) {
        return new Cloud(db, clock, publicUrl, new OutboxMailer(db, new OutboxStore(), clock));
    }

    public Cloud(Database db, Clock clock, PublicUrl publicUrl, Mailer mailer) {
        this.db = db;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.accounts = new Accounts(db, userStore, clock);
        this.organisations = new Organisations(db, organisationStore, clock);
        this.auditLog = new AuditLog(db, auditEventStore, clock);
        this.authKeys = new AuthKeys(db, authKeyStore, auditLog, clock);
        this.notifications = new Notifications(db, userStore, organisationStore, mailer, publicUrl);
        this.apiTokens = new ApiTokens(db, apiTokenStore, notifications, clock);
        this.devices = new Devices(db, deviceStore, organisationStore, deviceEventStore, deviceIdentityStore,
                auditLog, clock);
        this.linking = new Linking(db, deviceStore, authKeyStore, deviceCodeStore, deviceIdentityStore,
                organisationStore, deviceEventStore, notifications, clock, publicUrl);
        this.deviceIdentities = new DeviceIdentities(db, deviceIdentityStore, deviceStore, devices, auditLog, clock);
        this.artefacts = new Artefacts(db, artefactStore, auditLog, clock);
        this.deployments = new Deployments(db, deploymentStore, artefactStore, organisationStore, devices,
                deviceEventStore, auditLog, clock);
    }
}
