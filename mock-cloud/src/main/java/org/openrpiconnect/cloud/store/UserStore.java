package org.openrpiconnect.cloud.store;

import org.openrpiconnect.cloud.db.Sql;
import org.openrpiconnect.cloud.model.User;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The users table. Emails are stored lower-cased (callers normalise). */
public final class UserStore {
    private static final String COLUMNS = "id, email, password_hash, created_at";

    public void insert(Connection c, User user) throws SQLException {
        Sql.update(c, "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?)",
                user.id(), user.email(), user.passwordHash(), user.createdAt());
    }

    public Optional<User> findByEmail(Connection c, String email) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM users WHERE email = ?", UserStore::map, email);
    }

    public Optional<User> findById(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", UserStore::map, id);
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("email"), rs.getString("password_hash"),
                rs.getLong("created_at"));
    }
}
