package vn.lienthong.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.Samples;
import vn.lienthong.gateway.dossier.DossierStats.StatsReport;
import vn.lienthong.gateway.dossier.DossierStats.StatsRow;

/**
 * The provinces' figures over January 2024 (Viet Nam time) on a data set with known answers: early, on time and late
 * against the due time, the Asia/Ho_Chi_Minh day and month boundaries, pending and overdue, roll-up by organ code.
 */
class DossierStatsTest extends GatewayEndToEndTest {

    private static final String JANUARY = "from=2024-01-01T00:00:00%2B07:00&to=2024-02-01T00:00:00%2B07:00";
    private static final String A = "000.00.17.H56";
    private static final String B = "000.05.17.H56";
    private static final String C = "000.00.18.H56";

    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    private DossierStates states;
    @Autowired
    private DossierStats stats;
    @Autowired
    private ObjectMapper json;

    @BeforeEach
    void januaryOfThreeAgencies() throws Exception {
        jdbc.update("DELETE FROM dossier_state");
        dossier(A, "2024-01-05T08:00:00+07:00", "2024-01-10T17:00:00+07:00", "2024-01-09T10:00:00+07:00", "DONE", true);
        dossier(A, "2024-01-05T08:00:00+07:00", "2024-01-10T17:00:00+07:00", "2024-01-10T16:00:00+07:00", "DONE", false);
        dossier(A, "2024-01-05T08:00:00+07:00", "2024-01-10T17:00:00+07:00", "2024-01-10T17:30:00+07:00", "DONE", false);
        // the same UTC day (09 Jan), but due on 10 Jan in Viet Nam: early
        dossier(A, "2024-01-05T08:00:00+07:00", "2024-01-10T00:30:00+07:00", "2024-01-09T23:30:00+07:00", "DONE", false);
        // 31 Jan in Viet Nam: January
        dossier(B, "2024-01-31T23:30:00+07:00", "2024-02-05T17:00:00+07:00", null, "ACCEPTED", true);
        // 31 Jan in UTC but 1 Feb in Viet Nam: not January
        dossier(B, "2024-02-01T00:30:00+07:00", "2024-02-05T17:00:00+07:00", null, "ACCEPTED", true);
        dossier(B, "2024-01-20T08:00:00+07:00", "2024-01-25T17:00:00+07:00", null, "PROCESSING", false);
        dossier(C, "2024-01-28T08:00:00+07:00", "2024-02-05T17:00:00+07:00", null, "PROCESSING", false);
        dossier(C, "2024-01-10T08:00:00+07:00", "2024-01-15T17:00:00+07:00", null, "WITHDRAWN", false);
        dossier(C, "2023-12-28T08:00:00+07:00", "2024-01-03T17:00:00+07:00", "2024-01-03T09:00:00+07:00", "DONE", false);
        dossier(C, "2023-12-01T08:00:00+07:00", "2023-12-05T17:00:00+07:00", "2023-12-04T09:00:00+07:00", "DONE", false);
    }

    @Test
    void countsEachAgencyExactly() {
        StatsReport report = stats.figures(StatsCriteria.of(query("AGENCY", null)));

        assertThat(report.groups()).containsExactly(
                StatsRow.of(A, 4, 1, 4, 2, 1, 1, 0, 0),
                StatsRow.of(C, 2, 0, 1, 0, 1, 0, 1, 0),
                StatsRow.of(B, 2, 1, 0, 0, 0, 0, 2, 1));
    }

    @Test
    void rollsUpToDistrictsAndTheProvinceWithRates() {
        assertThat(stats.figures(StatsCriteria.of(query("DISTRICT", null))).groups()).containsExactly(
                StatsRow.of("17.H56", 6, 2, 4, 2, 1, 1, 2, 1),
                StatsRow.of("18.H56", 2, 0, 1, 0, 1, 0, 1, 0));
        StatsRow province = stats.figures(StatsCriteria.of(query("PROVINCE", null))).groups().get(0);
        assertThat(province).isEqualTo(StatsRow.of("H56", 8, 2, 5, 2, 2, 1, 3, 1));
        assertThat(province.onlineRate()).isEqualTo(0.25);
        assertThat(province.onTimeRate()).isEqualTo(0.8);
    }

    @Test
    void limitsTheFiguresToADistrictAndItsCommunes() {
        StatsReport report = stats.figures(StatsCriteria.of(query("COMMUNE", "17.H56")));

        assertThat(report.groups()).extracting(StatsRow::agency).containsExactly("00.17.H56", "05.17.H56");
        assertThat(report.total()).isEqualTo(StatsRow.of(null, 6, 2, 4, 2, 1, 1, 2, 1));
    }

    @Test
    void answersOverHttpToAdministratorsAndToAgencySystemsForTheirOwnAgencies() throws Exception {
        JsonNode answer = Samples.JSON.readTree(http.get("/api/v1/stats?" + JANUARY + "&level=PROVINCE", "X-API-Key",
                Http.ADMIN_KEY).body());
        assertThat(answer.path("groups").get(0).path("received").asLong()).isEqualTo(8);
        assertThat(answer.path("total").path("onTimeRate").asDouble()).isEqualTo(0.8);

        assertThat(http.get("/api/v1/stats?" + JANUARY + "&agency=17.H56", "X-API-Key", Http.AGENCY_KEY).statusCode())
                .isEqualTo(200);
        HttpResponse<String> outside = http.get("/api/v1/stats?" + JANUARY + "&agency=G22", "X-API-Key",
                Http.AGENCY_KEY);
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/stats?" + JANUARY, "X-API-Key", Http.AGENCY_KEY).statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAQueryWithoutAPeriodOrWithABadLevel() throws Exception {
        HttpResponse<String> refused = http.get("/api/v1/stats?level=STREET&agency=17.H5", "X-API-Key", Http.ADMIN_KEY);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(refused.body()).path("errors")).extracting(e -> e.path("pointer").asText())
                .containsExactlyInAnyOrder("agency", "from", "to", "level");
    }

    private static Map<String, String> query(String level, String agency) {
        Map<String, String> query = new java.util.HashMap<>(Map.of("from", "2024-01-01T00:00:00+07:00",
                "to", "2024-02-01T00:00:00+07:00", "level", level));
        if (agency != null) {
            query.put("agency", agency);
        }
        return query;
    }

    private void dossier(String agency, String receivedAt, String dueAt, String finishedAt, String status,
                         boolean online) throws Exception {
        ObjectNode d = Samples.dossier();
        d.put("agencyCode", agency);
        d.put("receivedAt", receivedAt);
        d.put("dueAt", dueAt);
        d.put("status", status);
        d.put("channel", online ? "ONLINE" : "DIRECT");
        if (finishedAt != null) {
            d.put("finishedAt", finishedAt);
        }
        d.put("dossierCode", agency + "-240101-" + String.format("%04d", SEQUENCE.incrementAndGet()));
        states.recordSync(json.treeToValue(d, Dossier.class), UUID.randomUUID().toString(), List.of("DVCQG"));
    }
}
