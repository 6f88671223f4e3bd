package vn.lienthong.gateway.messagelog;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.lienthong.gateway.PostgresAvailable;

/** The message log contract on PostgreSQL, each test in a schema of its own. */
@ExtendWith(PostgresAvailable.class)
class PostgresMessageLogTest extends MessageLogContract {

    String schema;
    SingleConnectionDataSource postgres;

    @Override
    DataSource freshDatabase() {
        schema = "lienthong_log_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            postgres = new SingleConnectionDataSource(PostgresAvailable.connect(), true);
            Flyway.configure().dataSource(postgres).schemas(schema).createSchemas(true)
                    .locations("classpath:db/migration").load().migrate();
            try (Statement s = postgres.getConnection().createStatement()) {
                s.execute("SET search_path TO " + schema);
            }
            return postgres;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (postgres != null) {
            try (Statement s = postgres.getConnection().createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
            postgres.destroy();
        }
    }
}
