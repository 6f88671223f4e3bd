package vn.lienthong.gateway.messagelog;

import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.lienthong.gateway.PostgresAvailable;
import vn.lienthong.gateway.PostgresSchema;

/** Message-log retention on PostgreSQL, each test in a schema of its own. */
@ExtendWith(PostgresAvailable.class)
class PostgresLogRetentionTest extends LogRetentionContract {

    private PostgresSchema schema;

    @Override
    DataSource freshStore(Path dir) {
        schema = PostgresSchema.migrated("lienthong_retention_");
        return schema.dataSource();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
