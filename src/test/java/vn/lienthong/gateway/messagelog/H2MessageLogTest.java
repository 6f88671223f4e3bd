package vn.lienthong.gateway.messagelog;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The message log contract on H2, the sandbox default, kept open and written at once as the gateway uses it. */
class H2MessageLogTest extends MessageLogContract {

    @TempDir
    Path folder;

    @Override
    DataSource freshDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("store/lienthong") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return h2;
    }
}
