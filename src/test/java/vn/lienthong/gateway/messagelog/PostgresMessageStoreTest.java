package vn.lienthong.gateway.messagelog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.lienthong.gateway.PostgresAvailable;

/** The message store contract on PostgreSQL, the production database, in a schema of its own migrated by Flyway. */
@ExtendWith(PostgresAvailable.class)
class PostgresMessageStoreTest extends MessageStoreContract {

    static final String SCHEMA = "lienthong_store_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static SingleConnectionDataSource postgres;

    @BeforeAll
    static void migrate() throws SQLException {
        postgres = new SingleConnectionDataSource(PostgresAvailable.connect(), true);
        Flyway.configure().dataSource(postgres).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration").load().migrate();
        try (Statement s = postgres.getConnection().createStatement()) {
            s.execute("SET search_path TO " + SCHEMA);
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (postgres != null) {
            try (Connection c = postgres.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
            postgres.destroy();
        }
    }

    @Override
    DataSource dataSource() {
        return postgres;
    }
}
