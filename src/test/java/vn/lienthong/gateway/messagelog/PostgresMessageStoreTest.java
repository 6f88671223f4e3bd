package vn.lienthong.gateway.messagelog;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.lienthong.gateway.PostgresAvailable;
import vn.lienthong.gateway.PostgresSchema;

/** The message store contract on PostgreSQL, the production database, in a schema of its own migrated by Flyway. */
@ExtendWith(PostgresAvailable.class)
class PostgresMessageStoreTest extends MessageStoreContract {

    static PostgresSchema schema;

    @BeforeAll
    static void migrate() {
        schema = PostgresSchema.migrated("lienthong_store_");
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    DataSource dataSource() {
        return schema.dataSource();
    }
}
