package vn.lienthong.gateway.messagelog;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** Message-log retention on the H2 store. */
class H2LogRetentionTest extends LogRetentionContract {

    @Override
    DataSource freshStore(Path dir) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("store/lienthong") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return h2;
    }
}
