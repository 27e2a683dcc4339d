package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.Membership;
import org.openrpiconnect.cloud.model.Organisation;
import org.openrpiconnect.cloud.model.Role;
import org.openrpiconnect.cloud.model.User;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.store.OrganisationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Organisations: creation (with a first administrator and a four-week trial) and membership checks. */
public final class Organisations {
    private static final Logger LOG = LoggerFactory.getLogger(Organisations.class);
    private static final int MAX_NAME_LENGTH = 100;

    private final Database db;
    private final OrganisationStore organisations;
    private final Clock clock;

    public Organisations(Database db, OrganisationStore organisations, Clock clock) {
        this.db = db;
        this.organisations = organisations;
        this.clock = clock;
    }

    public Organisation create(String name, User administrator) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) throw CloudError.badRequest("The organisation name is empty: give a name");
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw CloudError.badRequest("The organisation name is too long: use at most " + MAX_NAME_LENGTH
                    + " characters");
        }
        long now = clock.millis();
        Organisation org = Organisation.startingTrial(Secrets.newId(), trimmed, now);
        db.inTransaction(c -> {
            if (organisations.findByName(c, trimmed).isPresent()) {
                throw CloudError.conflict("An organisation named '" + trimmed + "' already exists: choose another"
                        + " name");
            }
            organisations.insert(c, org);
            organisations.addMember(c, org.id(), administrator.id(), Role.ADMINISTRATOR, now);
            return null;
        });
        LOG.info("organisation {} created with administrator {}", org.id(), administrator.id());
        return org;
    }

    /** The billing flag (billing itself is not part of this cloud): with it, deployments work after the trial. */
    public Organisation setBillingEnabled(String name, boolean enabled) {
        Organisation org = requireByName(name);
        db.inTransaction(c -> organisations.setBillingEnabled(c, org.id(), enabled));
        LOG.info("organisation {}: billing {}", org.id(), enabled ? "enabled" : "disabled");
        return requireByName(name);
    }

    /** Moves the end of the trial (operators, and tests of what happens after it). */
    public Organisation setTrialEndsAt(String name, long at) {
        Organisation org = requireByName(name);
        db.inTransaction(c -> organisations.setTrialEndsAt(c, org.id(), at));
        LOG.info("organisation {}: trial ends at {}", org.id(), at);
        return requireByName(name);
    }

    public Optional<Organisation> findById(String id) {
        return db.read(c -> organisations.findById(c, id));
    }

    public Organisation requireByName(String name) {
        return db.read(c -> organisations.findByName(c, name)).orElseThrow(() -> CloudError.notFound(
                "No organisation named '" + name + "': create it with 'rpi-connect-cloud org create NAME --admin"
                        + " EMAIL'"));
    }

    public List<Membership> membershipsOf(String userId) {
        return db.read(c -> organisations.membershipsOf(c, userId));
    }

    public Optional<Role> roleOf(String organisationId, String userId) {
        return db.read(c -> organisations.roleOf(c, organisationId, userId));
    }

    /** The organisation when the user administers it; otherwise a 403 (or 404 when it does not exist). */
    public Organisation requireAdministered(String organisationId, String userId) {
        Organisation org = findById(organisationId)
                .orElseThrow(() -> CloudError.notFound("There is no such organisation"));
        if (roleOf(organisationId, userId).orElse(null) != Role.ADMINISTRATOR) {
            throw CloudError.forbidden("Only administrators of " + org.name() + " can do this: ask one of them");
        }
        return org;
    }

    public List<User> administrators(String organisationId) {
        return db.read(c -> organisations.administrators(c, organisationId));
    }
}
