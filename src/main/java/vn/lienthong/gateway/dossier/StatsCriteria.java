package vn.lienthong.gateway.dossier;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import vn.lienthong.gateway.ingress.QueryParameters;

/** The query of {@code GET /api/v1/stats}: an organ code or a right-hand part of one, a period, and a roll-up level. */
record StatsCriteria(String agency, OffsetDateTime from, OffsetDateTime to, StatsLevel level) {

    /** A whole organ code, or its right-hand segments: {@code H56}, {@code 17.H56}, {@code 00.17.H56}. */
    private static final Pattern AGENCY = Pattern.compile("(([0-9]{3}\\.)?[0-9]{2}\\.)?([0-9]{2}\\.)?[A-Z][0-9]{2}");

    /** Reads and checks the query parameters; {@code from} and {@code to} are required; every problem at once as 400. */
    static StatsCriteria of(Map<String, String> query) {
        QueryParameters p = new QueryParameters(query);
        String agency = p.text("agency", AGENCY, "must be an organ code such as 000.00.17.H56, or its right-hand "
                + "part such as 17.H56 (a district) or H56 (a province)");
        OffsetDateTime from = p.time("from");
        OffsetDateTime to = p.time("to");
        if (query.get("from") == null) {
            p.problem("from", "is required (ISO-8601 date-time with an offset)");
        }
        if (query.get("to") == null) {
            p.problem("to", "is required (ISO-8601 date-time with an offset)");
        }
        p.requireOrdered(from, to);
        StatsLevel level = StatsLevel.AGENCY;
        String levelName = p.text("level");
        if (levelName != null) {
            try {
                level = StatsLevel.valueOf(levelName);
            } catch (IllegalArgumentException e) {
                p.problem("level", "must be one of " + Arrays.toString(StatsLevel.values()));
            }
        }
        p.throwIfInvalid();
        return new StatsCriteria(agency, from, to, level);
    }
}
