package vn.lienthong.gateway;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A schema of its own on the test PostgreSQL server, migrated by Flyway, dropped when closed. */
public final class PostgresSchema implements AutoCloseable {

    private final String name;
    private final SingleConnectionDataSource dataSource;

    private PostgresSchema(String name, SingleConnectionDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** Creates and migrates a schema named {@code prefix} + a random suffix; the connection's search path is it. */
    public static PostgresSchema migrated(String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(PostgresAvailable.connect(), true);
            Flyway.configure().dataSource(dataSource).schemas(name).createSchemas(true)
                    .locations("classpath:db/migration").load().migrate();
            try (Statement s = dataSource.getConnection().createStatement()) {
                s.execute("SET search_path TO " + name);
            }
            return new PostgresSchema(name, dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test schema " + name, e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = dataSource.getConnection().createStatement()) {
            s.execute("DROP SCHEMA " + name + " CASCADE");
        }
        dataSource.destroy();
    }
}
