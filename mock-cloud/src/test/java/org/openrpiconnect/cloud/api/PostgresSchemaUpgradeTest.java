package org.openrpiconnect.cloud.api;

import org.openrpiconnect.cloud.store.PostgresCluster;

class PostgresSchemaUpgradeTest extends SchemaUpgradeContract {
    @Override
    String[] freshDatabase() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        return new String[] {cluster.createDatabase("upgrade"), cluster.user()};
    }
}
