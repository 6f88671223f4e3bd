package vn.lienthong.gateway.messagelog;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads what the retention job left behind: how far the log was purged. */
final class LogArchives {

    private LogArchives() {
    }

    /** The index below which entries were archived and purged from the store; 0 when nothing was. */
    static long purgedBelow(JdbcTemplate jdbc) {
        Long below = jdbc.queryForObject("SELECT MAX(purged_below) FROM log_archive", Long.class);
        return below == null ? 0 : below;
    }
}
