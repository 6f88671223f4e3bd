package vn.lienthong.gateway.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.annotation.DirtiesContext;

import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.QueueProbe;
import vn.lienthong.gateway.Samples;

/**
 * When the message store or the broker cannot take a message, ingress answers 503 with Retry-After, never 202, and
 * nothing is queued; a message stored before the broker failed is marked REFUSED, not left to be sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lienthong.data-dir=target/test-data/${random.uuid}")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailClosedTest {

    static final AtomicBoolean STORE_DOWN = new AtomicBoolean();

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void storeBackUp() {
        STORE_DOWN.set(false);
    }

    @Test
    @Order(1)
    void answers503AndQueuesNothingWhileTheStoreIsDown() throws Exception {
        Http http = new Http(port);
        long enqueuedBefore = new QueueProbe(broker).messagesAdded(QueueProbe.DVCQG);
        STORE_DOWN.set(true);

        HttpResponse<String> response = http.postJson("/api/v1/dossiers",
                Samples.JSON.writeValueAsString(Samples.freshDossier()));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue(ProblemResponder.RETRY_AFTER_SECONDS);
        assertThat(Samples.JSON.readTree(response.body()).path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(new QueueProbe(broker).messagesAdded(QueueProbe.DVCQG)).isEqualTo(enqueuedBefore);

        STORE_DOWN.set(false);
        assertThat(http.postJson("/api/v1/dossiers", Samples.JSON.writeValueAsString(Samples.freshDossier()))
                .statusCode()).isEqualTo(202);
    }

    @Test
    @Order(2)
    void answers503AndRefusesTheStoredMessageWhenTheBrokerIsDown() throws Exception {
        Http http = new Http(port);
        var dossier = Samples.freshDossier();
        broker.getActiveMQServer().stop();

        HttpResponse<String> response = http.post("/api/v1/dossiers", Samples.JSON.writeValueAsBytes(dossier),
                "Content-Type", "application/json", "X-API-Key", Http.AGENCY_KEY, "Idempotency-Key", "broker-down-1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonNode row = Samples.JSON.valueToTree(jdbc.queryForMap(
                "SELECT state FROM message WHERE dossier_code = ?", dossier.path("dossierCode").asText()));
        assertThat(row.path("STATE").asText(row.path("state").asText())).isEqualTo("REFUSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = 'broker-down-1'",
                Long.class)).isZero();
    }

    /** Wraps the application's DataSource so a test can take the message store away. */
    @TestConfiguration
    static class SwitchableStore {

        @Bean
        static BeanPostProcessor switchableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource ds && !(bean instanceof DelegatingDataSource)) {
                        return new DelegatingDataSource(ds) {
                            @Override
                            public Connection getConnection() throws SQLException {
                                if (STORE_DOWN.get()) {
                                    throw new SQLTransientConnectionException("message store switched off by the test");
                                }
                                return super.getConnection();
                            }
                        };
                    }
                    return bean;
                }
            };
        }
    }
}
