package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.gateway.GatewayApi;
import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.PostgresAvailable;
import vn.lienthong.gateway.Samples;

/** With {@code spring.datasource.url} pointing at PostgreSQL, the gateway migrates it and keeps its messages there. */
@ExtendWith(PostgresAvailable.class)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lienthong.data-dir=target/test-data/${random.uuid}")
class PostgresDossierSyncTest {

    static final String SCHEMA = "lienthong_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresAvailable.URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> PostgresAvailable.USER);
        registry.add("spring.datasource.password", () -> PostgresAvailable.PASSWORD);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    /** Drops the test's schema when its application context closes, after Camel (and the log sealer) stopped. */
    @TestConfiguration
    static class DropSchemaOnClose {
        @Bean
        DisposableBean dropTestSchema() {
            return () -> {
                try (Connection c = PostgresAvailable.connect(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                }
            };
        }
    }

    @Test
    void keepsADossierRoutedToTwoPlatformsAndItsProgressInPostgresql() throws Exception {
        Http http = new Http(port);
        GatewayApi gateway = new GatewayApi(http);
        var dossier = Samples.freshLgspDossier();
        JsonNode synced = Samples.JSON.readTree(http.postJson("/api/v1/dossiers",
                Samples.JSON.writeValueAsString(dossier)).body());

        var step = http.post("/api/v1/dossiers/" + dossier.path("dossierCode").asText() + "/progress",
                Files.readAllBytes(Path.of("samples/progress.json")), "Content-Type", "application/json",
                "X-API-Key", Http.AGENCY_KEY);

        assertThat(step.statusCode()).as(step.body()).isEqualTo(202);
        JsonNode progress = Samples.JSON.readTree(step.body());
        for (JsonNode answer : new JsonNode[] {synced, progress}) {
            assertThat(answer.path("destinations")).extracting(JsonNode::asText).containsExactly("DVCQG", "LGSP");
            for (JsonNode message : answer.path("messages")) {
                gateway.awaitState(message.path("messageId").asText(), "DELIVERED");
            }
        }
    }

    @Test
    void keepsMessagesAndAttemptsInPostgresql() throws Exception {
        GatewayApi gateway = new GatewayApi(new Http(port));

        String messageId = gateway.accept(Samples.freshDossier());

        JsonNode delivered = gateway.awaitState(messageId, "DELIVERED");
        assertThat(delivered.path("attempts")).hasSize(1);
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(c.getSchema()).isEqualTo(SCHEMA);
        }
    }
}
