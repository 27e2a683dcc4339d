package org.openrpiconnect.cloud.service;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.Actor;
import org.openrpiconnect.cloud.model.Artefact;
import org.openrpiconnect.cloud.model.AuditAction;
import org.openrpiconnect.cloud.model.Page;
import org.openrpiconnect.cloud.model.PageRequest;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.store.ArtefactStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Remote-update artefacts: a unique name, the URI devices download from, the SHA-256 they check. */
public final class Artefacts {
    private static final Logger LOG = LoggerFactory.getLogger(Artefacts.class);
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_URI_LENGTH = 2048;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final Database db;
    private final ArtefactStore artefacts;
    private final AuditLog audit;
    private final Clock clock;

    public Artefacts(Database db, ArtefactStore artefacts, AuditLog audit, Clock clock) {
        this.db = db;
        this.artefacts = artefacts;
        this.audit = audit;
        this.clock = clock;
    }

    public Artefact create(String organisationId, String name, String uri, String checksum, Actor actor) {
        String n = name == null ? "" : name.strip();
        String u = uri == null ? "" : uri.strip();
        String sum = checksum == null ? "" : checksum.strip();
        List<String> failures = new ArrayList<>();
        if (n.isEmpty()) failures.add("Name can't be blank");
        if (n.length() > MAX_NAME_LENGTH) {
            failures.add("Name is too long (maximum is " + MAX_NAME_LENGTH + " characters)");
        }
        if (u.isEmpty()) failures.add("Uri can't be blank");
        else if (!validUri(u)) failures.add("Uri is invalid");
        if (sum.isEmpty()) failures.add("Checksum can't be blank");
        else if (!SHA256_HEX.matcher(sum).matches()) failures.add("Checksum is invalid");
        if (!failures.isEmpty()) throw CloudError.validation(failures);
        Artefact a = new Artefact(Secrets.newId(), organisationId, n, u, sum.toLowerCase(Locale.ROOT), clock.millis());
        db.inTransaction(c -> {
            if (artefacts.nameTaken(c, organisationId, n)) {
                throw CloudError.validation(List.of("Name has already been taken"));
            }
            artefacts.insert(c, a);
            audit.record(c, organisationId, AuditAction.ARTEFACT_CREATED, subject(a), actor);
            return null;
        });
        LOG.info("artefact {} created in organisation {}", a.id(), organisationId);
        return a;
    }

    public Page<Artefact> list(String organisationId, PageRequest page) {
        return db.read(c -> new Page<>(artefacts.page(c, organisationId, page), page,
                artefacts.count(c, organisationId)));
    }

    /** Deletes an artefact that was never deployed. */
    public void delete(String organisationId, String artefactId, Actor actor) {
        db.inTransaction(c -> {
            Artefact a = artefacts.findInOrganisation(c, organisationId, artefactId)
                    .orElseThrow(() -> notFound(artefactId));
            if (artefacts.deployed(c, a.id())) {
                throw CloudError.unprocessable("Cannot delete artefacts that have been deployed");
            }
            artefacts.delete(c, a.id());
            audit.record(c, organisationId, AuditAction.ARTEFACT_DELETED, subject(a), actor);
            return null;
        });
        LOG.info("artefact {} deleted from organisation {}", artefactId, organisationId);
    }

    static CloudError notFound(String artefactId) {
        return CloudError.notFound("No artefact with id " + artefactId + " in this organisation: list them with"
                + " GET /organisation/artefacts");
    }

    static AuditLog.Subject subject(Artefact a) {
        return new AuditLog.Subject("artefact", a.id(), a.name());
    }

    /** An absolute http(s) URI with a host: what a device can download from. */
    private static boolean validUri(String s) {
        if (s.length() > MAX_URI_LENGTH) return false;
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
