package vn.lienthong.gateway.dossier;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Lets the benchmark harness call the figures query of {@link DossierStats} with query parameters, outside Spring. */
public final class DossierStatsProbe {

    private final DossierStats stats;

    public DossierStatsProbe(JdbcTemplate jdbc) {
        this.stats = new DossierStats(jdbc);
    }

    /** The total row of the figures for the query parameters. */
    public Object figures(Map<String, String> query) {
        return stats.figures(StatsCriteria.of(query)).total();
    }
}
