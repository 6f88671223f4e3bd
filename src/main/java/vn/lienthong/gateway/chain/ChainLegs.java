package vn.lienthong.gateway.chain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The stored legs of the chains dossiers started, with the delivery state of each leg's message. */
@Component
public class ChainLegs {

    private final JdbcTemplate jdbc;

    ChainLegs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the dossier already started a chain (a dossier starts its chain once, on its first record). */
    public boolean started(String dossierCode) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM chain_leg WHERE dossier_code = ?", Integer.class,
                dossierCode);
        return n != null && n > 0;
    }

    /** Stores the legs, numbered from 1, each with its message id (same order); call inside the message transaction. */
    public void record(String dossierCode, ChainCatalog.Chain chain, List<String> messageIds, OffsetDateTime now) {
        for (int i = 0; i < chain.legs().size(); i++) {
            ChainCatalog.Leg leg = chain.legs().get(i);
            jdbc.update("""
                    INSERT INTO chain_leg (dossier_code, leg, chain_name, agency_code, procedure_code, service,
                                           message_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", dossierCode, i + 1, chain.name(), leg.agency(),
                    leg.procedure(), leg.service(), messageIds.get(i), now);
        }
    }

    /** The leg a queued message delivers. */
    public Optional<Row> ofMessage(String messageId) {
        return jdbc.query("""
                SELECT l.dossier_code, l.leg, l.chain_name, l.agency_code, l.procedure_code, l.service, l.message_id,
                       m.state, COALESCE(l.acknowledged_at, m.updated_at) AS updated_at, l.acknowledged_at
                FROM chain_leg l JOIN message m ON m.message_id = l.message_id
                WHERE l.message_id = ?""", (rs, i) -> row(rs), messageId).stream().findFirst();
    }

    /** The legs of a dossier's chain in order; empty when it started none. */
    public List<Row> ofDossier(String dossierCode) {
        return jdbc.query("""
                SELECT l.dossier_code, l.leg, l.chain_name, l.agency_code, l.procedure_code, l.service, l.message_id,
                       m.state, CASE WHEN l.acknowledged_at IS NOT NULL AND l.acknowledged_at > m.updated_at
                                     THEN l.acknowledged_at ELSE m.updated_at END AS updated_at, l.acknowledged_at
                FROM chain_leg l JOIN message m ON m.message_id = l.message_id
                WHERE l.dossier_code = ? ORDER BY l.leg""", (rs, i) -> row(rs), dossierCode);
    }

    /** Marks a delivered, not yet acknowledged leg acknowledged; false when it is not in that state. */
    public boolean acknowledge(String dossierCode, int leg, String clientId, OffsetDateTime now) {
        return jdbc.update("""
                UPDATE chain_leg SET acknowledged_at = ?, acknowledged_by = ?
                WHERE dossier_code = ? AND leg = ? AND acknowledged_at IS NULL
                  AND message_id IN (SELECT message_id FROM message WHERE state = 'DELIVERED')""",
                now, clientId, dossierCode, leg) == 1;
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString("dossier_code"), rs.getInt("leg"), rs.getString("chain_name"),
                rs.getString("agency_code"), rs.getString("procedure_code"), rs.getString("service"),
                rs.getString("message_id"), rs.getString("state"), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("acknowledged_at", OffsetDateTime.class) != null);
    }

    /** One stored leg with its message's state. */
    public record Row(String dossierCode, int leg, String chain, String agency, String procedure, String service,
                      String messageId, String messageState, OffsetDateTime updatedAt, boolean acknowledged) {

        /** The leg's state: PENDING, DELIVERED, ACKNOWLEDGED, FAILED (dead-lettered) or DISCARDED. */
        public LegState state() {
            if (acknowledged) {
                return LegState.ACKNOWLEDGED;
            }
            return switch (messageState) {
                case "DELIVERED" -> LegState.DELIVERED;
                case "DEAD_LETTERED", "REFUSED" -> LegState.FAILED;
                case "DISCARDED" -> LegState.DISCARDED;
                default -> LegState.PENDING;
            };
        }
    }
}
