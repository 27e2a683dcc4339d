package org.openrpiconnect.cloud.db;

/** A database failure the caller cannot fix by changing its input (connection lost, constraint broken...). */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
