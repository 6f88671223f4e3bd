package vn.lienthong.gateway.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.ingress.Operation;
import vn.lienthong.gateway.ingress.QueryParameters;

/**
 * {@code GET /api/v1/stats}: the figures provinces are judged by, from the dossiers that passed through the gateway,
 * per organ code rolled up to a level, over a period [from, to): received, of them online; resolved (finished in the
 * period), of them early (finished on a day before the due day, in Viet Nam), on time, late (after the due time);
 * pending at the end of the period and, of them, overdue; the online and on-time rates.
 */
@Component("dossierStats")
public class DossierStats {

    private static final int CODE_LENGTH = 13;

    private final JdbcTemplate jdbc;

    DossierStats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers the figures for the query parameters, within what the client may see. */
    public void stats(Exchange exchange) {
        StatsCriteria criteria = StatsCriteria.of(QueryParameters.of(exchange));
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        requireScope(client, criteria.agency());
        exchange.getIn().setBody(figures(criteria));
    }

    /**
     * Three index range reads, one per kind of figure (received in the period, finished in it, still open at its end),
     * so that a month of a large year reads the rows of that month and the open dossiers, not the whole table.
     */
    StatsReport figures(StatsCriteria c) {
        int length = c.level().suffixLength();
        String group = "SUBSTRING(agency_code FROM " + (CODE_LENGTH - length + 1) + " FOR " + length + ")";
        String agency = agencyCondition(c.agency());
        List<Object> args = new ArrayList<>(List.of(c.from(), c.to()));
        addAgency(args, c.agency());
        args.addAll(List.of(c.from(), c.to()));
        addAgency(args, c.agency());
        args.addAll(List.of(c.to(), c.to(), c.to()));
        addAgency(args, c.agency());
        String sql = "SELECT grp, SUM(received) AS received, SUM(online) AS online, SUM(resolved) AS resolved, "
                + "SUM(early) AS early, SUM(late) AS late, SUM(pending) AS pending, SUM(overdue) AS overdue FROM ("
                + "SELECT " + group + " AS grp, 1 AS received, CASE WHEN online THEN 1 ELSE 0 END AS online, "
                + "0 AS resolved, 0 AS early, 0 AS late, 0 AS pending, 0 AS overdue FROM dossier_state "
                + "WHERE received_at >= ? AND received_at < ?" + agency
                + " UNION ALL SELECT " + group + ", 0, 0, 1, CASE WHEN finished_day < due_day THEN 1 ELSE 0 END, "
                + "CASE WHEN finished_at > due_at THEN 1 ELSE 0 END, 0, 0 FROM dossier_state "
                + "WHERE finished_at >= ? AND finished_at < ?" + agency
                + " UNION ALL SELECT " + group + ", 0, 0, 0, 0, 0, 1, CASE WHEN due_at < ? THEN 1 ELSE 0 END "
                + "FROM dossier_state WHERE received_at < ? AND (finished_at IS NULL OR finished_at >= ?) "
                + "AND status NOT IN ('NOT_ACCEPTED', 'WITHDRAWN', 'STOPPED')"
                + agency + ") figures GROUP BY grp ORDER BY grp";
        List<StatsRow> rows = jdbc.query(sql, DossierStats::row, args.toArray());
        return new StatsReport(c.agency(), c.from(), c.to(), c.level(), rows, StatsRow.total(rows));
    }

    /** The agency filter: a whole code by equality (its index), a right-hand part by the part. */
    private static String agencyCondition(String agency) {
        if (agency == null) {
            return "";
        }
        if (agency.length() == CODE_LENGTH) {
            return " AND agency_code = ?";
        }
        return " AND SUBSTRING(agency_code FROM " + (CODE_LENGTH - agency.length() + 1) + " FOR " + agency.length()
                + ") = ?";
    }

    private static void addAgency(List<Object> args, String agency) {
        if (agency != null) {
            args.add(agency);
        }
    }

    private static StatsRow row(ResultSet rs, int i) throws SQLException {
        long resolved = rs.getLong("resolved");
        long early = rs.getLong("early");
        long late = rs.getLong("late");
        return StatsRow.of(rs.getString("grp"), rs.getLong("received"), rs.getLong("online"), resolved, early,
                resolved - early - late, late, rs.getLong("pending"), rs.getLong("overdue"));
    }

    /** Administrators and auditors see every agency; an agency system, only a scope its own patterns cover. */
    private static void requireScope(ClientIdentity client, String agency) {
        if (client.hasRole(ClientIdentity.ROLE_ADMIN) || client.hasRole(ClientIdentity.ROLE_AUDITOR)) {
            return;
        }
        if (!client.mayCall(Operation.STATUS)) {
            throw new GatewayException(ErrorCode.OPERATION_NOT_ALLOWED, "This client is not allowed the figures.");
        }
        boolean covered = agency != null && client.agencyPatterns().stream().anyMatch(p -> p.equals(agency)
                || (p.startsWith("*") && p.indexOf('*', 1) < 0 && ("." + agency).endsWith(p.substring(1))));
        if (!covered) {
            throw new GatewayException(ErrorCode.AGENCY_NOT_ALLOWED, "An agency system sees only the figures of "
                    + "agencies it speaks for; name them in agency=.",
                    List.of(new Violation("agency", "not covered by the agencies this client may act for")));
        }
    }

    /** The figures of one group (an organ code or the right-hand part shared by the codes rolled up into it). */
    public record StatsRow(String agency, long received, long online, long resolved, long early, long onTime,
                           long late, long pending, long overdue, Double onlineRate, Double onTimeRate) {

        static StatsRow of(String agency, long received, long online, long resolved, long early, long onTime,
                           long late, long pending, long overdue) {
            return new StatsRow(agency, received, online, resolved, early, onTime, late, pending, overdue,
                    rate(online, received), rate(early + onTime, resolved));
        }

        static StatsRow total(List<StatsRow> rows) {
            return of(null, sum(rows, StatsRow::received), sum(rows, StatsRow::online), sum(rows, StatsRow::resolved),
                    sum(rows, StatsRow::early), sum(rows, StatsRow::onTime), sum(rows, StatsRow::late),
                    sum(rows, StatsRow::pending), sum(rows, StatsRow::overdue));
        }

        private static long sum(List<StatsRow> rows, java.util.function.ToLongFunction<StatsRow> field) {
            return rows.stream().mapToLong(field).sum();
        }

        private static Double rate(long part, long whole) {
            return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
        }
    }

    /** The answer: the query as understood, one row per group, and the total. */
    public record StatsReport(String agency, OffsetDateTime from, OffsetDateTime to, StatsLevel level,
                              List<StatsRow> groups, StatsRow total) {
    }
}
