package org.openrpiconnect.cloud.db;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work on one connection (inside a transaction when run by {@link Database#inTransaction}). */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
