package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import vn.lienthong.gateway.GatewayEndToEndTest;
import vn.lienthong.gateway.Sha256;

/** The configuration the gateway starts with is recorded in the message log, with what changed and who ran it. */
class ConfigurationAuditTest extends GatewayEndToEndTest {

    @Autowired
    private ConfigurationAudit audit;

    @Test
    void recordsTheConfigurationAtStartWithTheOperatorAndItsSnapshot() throws Exception {
        Map<String, Object> entry = jdbc.queryForMap("""
                SELECT client_id, channel, detail, payload_sha256 FROM message_event
                WHERE event = 'CONFIGURATION_LOADED' ORDER BY seq FETCH FIRST 1 ROWS ONLY""");
        assertThat(entry.get("CLIENT_ID")).isEqualTo(System.getProperty("user.name"));
        assertThat(entry.get("CHANNEL")).isEqualTo("CONFIGURATION");
        assertThat((String) entry.get("DETAIL")).contains("the first configuration recorded");

        String snapshot = jdbc.queryForObject("SELECT snapshot FROM configuration_snapshot WHERE sha256 = ?",
                String.class, entry.get("PAYLOAD_SHA256"));
        assertThat(Sha256.hex(snapshot.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(entry.get("PAYLOAD_SHA256"));
        Map<String, String> settings = new ObjectMapper().readValue(snapshot, new TypeReference<Map<String, String>>() { });
        assertThat(settings).containsEntry("client sandbox-agency.roles", "AGENCY")
                .containsEntry("client sandbox-agency.agencies", "*.H56")
                .containsEntry("lienthong.log.signing-password", "(hidden)")
                .containsEntry("lienthong.lgsp.client-secret", "(hidden)")
                .containsEntry("lienthong.routing.destinations.LGSP[0].procedure-codes[0]", "1.000894.000.00.00.H56")
                .containsKey("route file dossier-ingest.camel.yaml")
                .containsKey("schema file json/dossier.schema.json");
        assertThat(snapshot).doesNotContain("\"sandbox\"").doesNotContain("sandbox-lgsp-secret");
    }

    @Test
    void aSecondStartWithTheSameConfigurationSaysItIsUnchangedAndKeepsOneSnapshot() throws Exception {
        audit.run(new DefaultApplicationArguments());

        assertThat(jdbc.queryForObject("""
                SELECT detail FROM message_event WHERE event = 'CONFIGURATION_LOADED'
                ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""", String.class))
                .endsWith("unchanged since the previous start");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM configuration_snapshot", Integer.class)).isOne();
    }

    @Test
    void hidesTheApiKeysTheGatewaySendsButNotTheSwitchOfApiKeys() {
        assertThat(ConfigurationAudit.shown("lienthong.vdxp.local-systems[0].api-key", "local-system-key-0123456789"))
                .isEqualTo("(hidden)");
        assertThat(ConfigurationAudit.shown("lienthong.api-keys.enabled", "true")).isEqualTo("true");
    }

    @Test
    void namesWhatWasChangedAddedAndRemoved() {
        SortedMap<String, String> before = new TreeMap<>(Map.of("client a.roles", "AGENCY", "client b.roles", "ADMIN",
                "lienthong.delivery.max-attempts", "10"));
        SortedMap<String, String> now = new TreeMap<>(Map.of("client a.roles", "AGENCY,ADMIN",
                "lienthong.delivery.max-attempts", "10", "client c.roles", "AUDITOR"));

        assertThat(ConfigurationAudit.describe(now, before)).isEqualTo("loaded 3 settings and files; since the previous "
                + "start changed: client a.roles; added: client c.roles; removed: client b.roles;");
    }
}
