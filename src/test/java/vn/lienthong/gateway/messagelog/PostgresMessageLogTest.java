package vn.lienthong.gateway.messagelog;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.lienthong.gateway.PostgresAvailable;
import vn.lienthong.gateway.PostgresSchema;

/** The message log contract on PostgreSQL, each test in a schema of its own. */
@ExtendWith(PostgresAvailable.class)
class PostgresMessageLogTest extends MessageLogContract {

    PostgresSchema schema;

    @Override
    DataSource freshDatabase() {
        schema = PostgresSchema.migrated("lienthong_log_");
        return schema.dataSource();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
