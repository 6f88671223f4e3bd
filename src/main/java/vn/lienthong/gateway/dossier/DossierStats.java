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

    StatsReport figures(StatsCriteria c) {
        int length = c.level().suffixLength();
        String group = "SUBSTRING(agency_code FROM " + (CODE_LENGTH - length + 1) + " FOR " + length + ")";
        List<Object> args = new ArrayList<>(List.of(
                c.from(), c.to(), c.from(), c.to(), c.from(), c.to(), c.from(), c.to(), c.from(), c.to(),
                c.to(), c.to(), c.to(), c.to(), c.to(),
                c.to(), c.from()));
        StringBuilder sql = new StringBuilder("SELECT " + group + """
                 AS grp,
                  SUM(CASE WHEN received_at >= ? AND received_at < ? THEN 1 ELSE 0 END) AS received,
                  SUM(CASE WHEN received_at >= ? AND received_at < ? AND online THEN 1 ELSE 0 END) AS online,
                  SUM(CASE WHEN finished_at >= ? AND finished_at < ? THEN 1 ELSE 0 END) AS resolved,
                  SUM(CASE WHEN finished_at >= ? AND finished_at < ? AND finished_day < due_day THEN 1 ELSE 0 END)
                      AS early,
                  SUM(CASE WHEN finished_at >= ? AND finished_at < ? AND finished_at > due_at THEN 1 ELSE 0 END)
                      AS late,
                  SUM(CASE WHEN received_at < ? AND (finished_at IS NULL OR finished_at >= ?)
                            AND status NOT IN ('NOT_ACCEPTED', 'WITHDRAWN', 'STOPPED') THEN 1 ELSE 0 END) AS pending,
                  SUM(CASE WHEN received_at < ? AND (finished_at IS NULL OR finished_at >= ?)
                            AND status NOT IN ('NOT_ACCEPTED', 'WITHDRAWN', 'STOPPED') AND due_at < ?
                           THEN 1 ELSE 0 END) AS overdue
                FROM dossier_state
                WHERE received_at < ? AND (finished_at IS NULL OR finished_at >= ? OR received_at >= ?)""");
        args.add(c.from());
        if (c.agency() != null && c.agency().length() == CODE_LENGTH) {
            sql.append(" AND agency_code = ?");
            args.add(c.agency());
        } else if (c.agency() != null) {
            sql.append(" AND SUBSTRING(agency_code FROM ").append(CODE_LENGTH - c.agency().length() + 1)
                    .append(" FOR ").append(c.agency().length()).append(") = ?");
            args.add(c.agency());
        }
        sql.append(" GROUP BY ").append(group).append(" ORDER BY ").append(group);
        List<StatsRow> rows = jdbc.query(sql.toString(), DossierStats::row, args.toArray());
        return new StatsReport(c.agency(), c.from(), c.to(), c.level(), rows, StatsRow.total(rows));
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
