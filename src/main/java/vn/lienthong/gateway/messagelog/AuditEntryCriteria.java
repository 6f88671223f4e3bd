package vn.lienthong.gateway.messagelog;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;

/**
 * Which entries of the message log an auditor asks for: a dossier code, an agency, a client, an event type, a
 * [from, to) window of event time (all optional, combined with AND) and a page.
 */
record AuditEntryCriteria(String dossierCode, String agency, String client, EventType event, OffsetDateTime from,
                          OffsetDateTime to, int limit, int offset) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Pattern DOSSIER_CODE = Pattern.compile("[0-9A-Za-z.]{1,40}-[0-9]{6}-[0-9]{4,8}");
    private static final Pattern AGENCY = Pattern.compile("[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}");
    private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    /** Reads and checks the query parameters; every problem found is reported at once as 400. */
    static AuditEntryCriteria of(Map<String, String> query) {
        List<Violation> violations = new ArrayList<>();
        String dossierCode = text(query, "dossierCode", DOSSIER_CODE,
                "must look like {agencyCode}-{yyMMdd}-{NNNN}", violations);
        String agency = text(query, "agency", AGENCY, "must be an agency code such as 000.00.17.H56", violations);
        String client = text(query, "client", CLIENT, "must be 1 to 128 letters, digits, '.', '_' or '-'",
                violations);
        EventType event = null;
        String eventName = query.get("event");
        if (eventName != null) {
            try {
                event = EventType.valueOf(eventName);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("event", "must be one of " + Arrays.toString(EventType.values())));
            }
        }
        OffsetDateTime from = time(query, "from", violations);
        OffsetDateTime to = time(query, "to", violations);
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(new Violation("to", "must be later than from"));
        }
        int limit = number(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, violations);
        int offset = number(query, "offset", 0, 0, Integer.MAX_VALUE, violations);
        if (!violations.isEmpty()) {
            throw new GatewayException(ErrorCode.QUERY_PARAMETER_INVALID, "Some query parameters are invalid.",
                    violations);
        }
        return new AuditEntryCriteria(dossierCode, agency, client, event, from, to, limit, offset);
    }

    /** The criteria as the audit action records them. */
    String describe() {
        return "dossierCode=" + orAny(dossierCode) + " agency=" + orAny(agency) + " client=" + orAny(client)
                + " event=" + orAny(event) + " from=" + orAny(from) + " to=" + orAny(to) + " limit=" + limit
                + " offset=" + offset;
    }

    private static String orAny(Object value) {
        return value == null ? "*" : value.toString();
    }

    private static String text(Map<String, String> query, String name, Pattern pattern, String rule,
                               List<Violation> violations) {
        String value = query.get(name);
        if (value != null && !pattern.matcher(value).matches()) {
            violations.add(new Violation(name, rule));
            return null;
        }
        return value;
    }

    private static OffsetDateTime time(Map<String, String> query, String name, List<Violation> violations) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "must be an ISO-8601 date-time with offset, such as "
                    + "2024-01-01T00:00:00Z (write + as %2B)"));
            return null;
        }
    }

    private static int number(Map<String, String> query, String name, int absent, int min, int max,
                              List<Violation> violations) {
        String value = query.get(name);
        if (value == null) {
            return absent;
        }
        int n = NUMBER.matcher(value).matches() ? Integer.parseInt(value) : -1;
        if (n < min || n > max) {
            violations.add(new Violation(name, "must be a whole number from " + min + " to " + max));
            return absent;
        }
        return n;
    }
}
