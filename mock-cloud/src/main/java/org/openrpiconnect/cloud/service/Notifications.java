package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.PublicUrl;
import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.mail.Mail;
import org.openrpiconnect.cloud.mail.Mailer;
import org.openrpiconnect.cloud.model.Device;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.Owner;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.store.OrganisationStore;
import org.openrpiconnect.cloud.store.UserStore;

import java.time.Instant;
import java.util.List;

/**
 * Notification mails for sensitive actions: to the owning user, or to every administrator of the owning
 * organisation. Called after the change is committed; never with a secret in the text.
 */
public final class Notifications {
    private final Database db;
    private final UserStore users;
    private final OrganisationStore organisations;
    private final Mailer mailer;
    private final PublicUrl publicUrl;

    public Notifications(Database db, UserStore users, OrganisationStore organisations, Mailer mailer,
                         PublicUrl publicUrl) {
        this.db = db;
        this.users = users;
        this.organisations = organisations;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    public void deviceLinked(Device device) {
        String subject = "New device linked: " + device.name();
        String body = "A new device, \"" + device.name() + "\" (serial number " + device.serialNumber()
                + "), was linked to your Raspberry Pi Connect account at " + Instant.ofEpochMilli(device.createdAt())
                + ".\n\nIf you don't recognise this device, change your password now and remove the device: "
                + publicUrl.get() + "/devices/" + device.id() + "\n";
        for (String to : recipients(device.owner())) mailer.send(new Mail(to, subject, body));
    }

    public void deviceRelinked(Device device) {
        String subject = "Device signed in again: " + device.name();
        String body = "Your device \"" + device.name() + "\" (serial number " + device.serialNumber()
                + ") signed in to Raspberry Pi Connect again.\n\nIf you didn't do this, change your password now and"
                + " remove the device: " + publicUrl.get() + "/devices/" + device.id() + "\n";
        for (String to : recipients(device.owner())) mailer.send(new Mail(to, subject, body));
    }

    public void apiTokenCreated(Organisation organisation, String description) {
        String subject = "New management API access token for " + organisation.name();
        String body = "A management API access token, \"" + description + "\", was created for the organisation "
                + organisation.name() + ".\n\nIf you didn't expect this, revoke it in the organisation's settings: "
                + publicUrl.get() + "/organisations/" + organisation.id() + "/settings\n";
        for (String to : recipients(Owner.organisation(organisation.id()))) mailer.send(new Mail(to, subject, body));
    }

    private List<String> recipients(Owner owner) {
        return db.read(c -> owner.isUser()
                ? users.findById(c, owner.id()).map(User::email).stream().toList()
                : organisations.administrators(c, owner.id()).stream().map(User::email).toList());
    }
}
