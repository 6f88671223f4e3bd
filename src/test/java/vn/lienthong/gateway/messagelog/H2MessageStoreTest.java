package vn.lienthong.gateway.messagelog;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message store contract on an H2 file database, the sandbox default, migrated by Flyway and opened as the gateway
 * opens it (kept open, commits written at once) rather than reopened for every statement.
 */
class H2MessageStoreTest extends MessageStoreContract {

    @TempDir
    static Path folder;
    static JdbcDataSource h2;

    @BeforeAll
    static void migrate() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("store/lienthong") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    }

    @Override
    DataSource dataSource() {
        return h2;
    }
}
