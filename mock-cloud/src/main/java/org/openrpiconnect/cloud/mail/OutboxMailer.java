package org.openrpiconnect.cloud.mail;

import org.openrpiconnect.cloud.db.Database;
import org.openrpiconnect.cloud.model.OutboxMail;
import org.openrpiconnect.cloud.security.Secrets;
import org.openrpiconnect.cloud.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** The default mailer: keeps mails in the outbox table (shown at /outbox) and logs one line per mail. */
public final class OutboxMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxMailer.class);

    private final Database db;
    private final OutboxStore outbox;
    private final Clock clock;

    public OutboxMailer(Database db, OutboxStore outbox, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void send(Mail mail) {
        try {
            db.inTransaction(c -> {
                outbox.insert(c, new OutboxMail(Secrets.newId(), mail.to(), mail.subject(), mail.body(),
                        clock.millis()));
                return null;
            });
            LOG.info("mail to {}: {}", mail.to(), mail.subject());
        } catch (RuntimeException e) {
            LOG.warn("could not keep the mail to {} ({}): {}", mail.to(), mail.subject(), e.getMessage());
        }
    }
}
