package vn.lienthong.gateway.messagelog;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import vn.lienthong.gateway.ingress.PathParameters;
import vn.lienthong.gateway.ingress.QueryParameters;

/**
 * Which entries of the message log an auditor asks for: a dossier code, an agency, a client, an event type, a
 * [from, to) window of event time (all optional, combined with AND) and a page.
 */
record AuditEntryCriteria(String dossierCode, String agency, String client, EventType event, OffsetDateTime from,
                          OffsetDateTime to, int limit, int offset) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Pattern AGENCY = Pattern.compile("[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}");
    private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** Reads and checks the query parameters; every problem found is reported at once as 400. */
    static AuditEntryCriteria of(Map<String, String> query) {
        QueryParameters p = new QueryParameters(query);
        String dossierCode = p.text("dossierCode", PathParameters.DOSSIER_CODE, PathParameters.DOSSIER_CODE_RULE);
        String agency = p.text("agency", AGENCY, "must be an agency code such as 000.00.17.H56");
        String client = p.text("client", CLIENT, "must be 1 to 128 letters, digits, '.', '_' or '-'");
        EventType event = null;
        String eventName = p.text("event");
        if (eventName != null) {
            try {
                event = EventType.valueOf(eventName);
            } catch (IllegalArgumentException e) {
                p.problem("event", "must be one of " + Arrays.toString(EventType.values()));
            }
        }
        OffsetDateTime from = p.time("from");
        OffsetDateTime to = p.time("to");
        p.requireOrdered(from, to);
        int limit = p.number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = p.number("offset", 0, 0, Integer.MAX_VALUE);
        p.throwIfInvalid();
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
}
