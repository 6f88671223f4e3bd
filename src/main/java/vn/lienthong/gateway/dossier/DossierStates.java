package vn.lienthong.gateway.dossier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;

/**
 * Keeps each dossier's current status in {@code dossier_state}: set by its sync, moved by progress steps only along
 * the status table; called inside the transaction that stores the message, so that a refused step stores nothing.
 */
@Component
public class DossierStates {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcTemplate jdbc;
    private final StatusTable table;
    private final Clock clock;

    DossierStates(JdbcTemplate jdbc, StatusTable table, Clock clock) {
        this.jdbc = jdbc;
        this.table = table;
        this.clock = clock;
    }

    /**
     * Records the state a synced dossier record gives and the destinations it was sent to, creating or replacing the
     * dossier's row.
     */
    public void recordSync(Dossier dossier, String messageId, List<String> destinations) {
        Object[] values = {dossier.agencyCode(), dossier.agencyName(), dossier.status().name(),
                dossier.channel() == Dossier.Channel.ONLINE, dossier.receivedAt(), dossier.dueAt(),
                localDay(dossier.dueAt()), dossier.finishedAt(), localDay(dossier.finishedAt()), dossier.returnedAt(),
                String.join(",", destinations), messageId, now(), dossier.dossierCode()};
        int updated = jdbc.update("""
                UPDATE dossier_state SET agency_code = ?, agency_name = ?, status = ?, online = ?, received_at = ?,
                       due_at = ?, due_day = ?, finished_at = ?, finished_day = ?, returned_at = ?, destinations = ?,
                       last_message_id = ?, updated_at = ?
                WHERE dossier_code = ?""", values);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO dossier_state (agency_code, agency_name, status, online, received_at, due_at, due_day,
                                               finished_at, finished_day, returned_at, destinations, last_message_id,
                                               updated_at, dossier_code)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", values);
        }
    }

    /** The agency of a dossier the gateway has carried, and the destinations its last record went to. */
    public Optional<Route> routeOf(String dossierCode) {
        return jdbc.query("SELECT agency_code, agency_name, destinations FROM dossier_state WHERE dossier_code = ?",
                (rs, i) -> new Route(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split(","))),
                dossierCode).stream().findFirst();
    }

    /**
     * Moves the dossier to the step's status, locking its row; refuses a dossier the gateway never synced (404) and a
     * step the status table does not allow from the current status (409).
     */
    public void advance(String dossierCode, Progress step, String messageId) {
        List<String> current = jdbc.query("SELECT status FROM dossier_state WHERE dossier_code = ? FOR UPDATE",
                (rs, i) -> rs.getString(1), dossierCode);
        if (current.isEmpty()) {
            throw new GatewayException(ErrorCode.DOSSIER_UNKNOWN, "No dossier " + dossierCode
                    + " was synced through the gateway; send the dossier record first.");
        }
        DossierStatus from = DossierStatus.valueOf(current.get(0));
        if (!table.allows(from, step.status())) {
            throw new GatewayException(ErrorCode.STATUS_TRANSITION_ILLEGAL, "The dossier is " + from.name()
                    + "; the next status may be " + (table.after(from).isEmpty() ? "none (it is final)"
                    : table.after(from)) + ", not " + step.status().name() + ".",
                    List.of(new Violation("/status", "not allowed after " + from.name())));
        }
        jdbc.update("""
                UPDATE dossier_state SET status = ?,
                       finished_at = CASE WHEN ? THEN ? ELSE finished_at END,
                       finished_day = CASE WHEN ? THEN ? ELSE finished_day END,
                       returned_at = CASE WHEN ? THEN ? ELSE returned_at END,
                       last_message_id = ?, updated_at = ?
                WHERE dossier_code = ?""", step.status().name(),
                step.status() == DossierStatus.DONE, step.at(), step.status() == DossierStatus.DONE, localDay(step.at()),
                step.status() == DossierStatus.RETURNED, step.at(),
                messageId, now(), dossierCode);
    }

    /** Where a dossier's messages go: its agency (code and name, when known) and the destinations of its record. */
    public record Route(String agencyCode, String agencyName, List<String> destinations) {
    }

    /** The date in Viet Nam (Asia/Ho_Chi_Minh) of an instant, the day the provinces' figures count it on. */
    static LocalDate localDay(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(VIETNAM).toLocalDate();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
