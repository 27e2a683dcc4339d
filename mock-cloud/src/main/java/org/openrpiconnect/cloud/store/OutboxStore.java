package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.OutboxMail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Notification mails kept by the default mailer. */
public final class OutboxStore {

    public void insert(Connection c, OutboxMail m) throws SQLException {
        Sql.update(c, "INSERT INTO outbox (id, recipient, subject, body, created_at) VALUES (?, ?, ?, ?, ?)",
                m.id(), m.recipient(), m.subject(), m.body(), m.createdAt());
    }

    /** Newest first. */
    public List<OutboxMail> listForRecipient(Connection c, String recipient) throws SQLException {
        return Sql.list(c, "SELECT id, recipient, subject, body, created_at FROM outbox WHERE recipient = ?"
                        + " ORDER BY created_at DESC, id",
                rs -> new OutboxMail(rs.getString("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getLong("created_at")), recipient);
    }
}
