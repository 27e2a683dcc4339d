package org.openrpiconnect.cloud.command;

import org.openrpiconnect.cloud.Cloud;
import org.openrpiconnect.cloud.PublicUrl;
import org.openrpiconnect.cloud.db.Database;

import java.time.Clock;

/** Opens the cloud's database for one admin command (the same one a running server uses) and closes it after. */
final class AdminContext implements AutoCloseable {
    final Cloud cloud;
    private final Database db;

    private AdminContext(Database db, Cloud cloud) {
        this.db = db;
        this.cloud = cloud;
    }

    static AdminContext open(DatabaseOptions options) {
        Verbosity.apply(options.verbose, false);
        Database db = Database.open(options.settings());
        return new AdminContext(db, Cloud.withOutbox(db, Clock.systemUTC(), new PublicUrl("")));
    }

    @Override
    public void close() {
        db.close();
    }
}
