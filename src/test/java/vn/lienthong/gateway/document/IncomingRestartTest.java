package vn.lienthong.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mockingDetails;
import static vn.lienthong.gateway.document.IncomingFixtures.HAI_TRUONG;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.gateway.Http;
import vn.lienthong.gateway.LienThongGatewayApplication;
import vn.lienthong.gateway.LocalSystemsProbe;
import vn.lienthong.gateway.VdxpSimulatorProbe;
import vn.lienthong.gateway.delivery.PlatformDeliveryException;
import vn.lienthong.gateway.signature.XmlSigner;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdxmlBuilder;
import vn.lienthong.gateway.vdxp.VdxpClient;

/**
 * A gateway that took a document in from the axis but never confirmed it there (it stops before {@code updateStatus},
 * its local system down meanwhile) is restarted on the same data folder; result: the axis item is confirmed done, the
 * local system gets the document exactly once, and the store holds one message for it.
 * <p>
 * This JVM's application plays the axis and the local systems (its own gateway takes nothing in); the gateway under
 * test runs beside it as a second application on its own port, data folder and embedded broker, so that it can be
 * stopped and started while the simulators keep what they hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lienthong.data-dir=target/test-data/${random.uuid}",
        "lienthong.vdxp.poll-enabled=false"
})
class IncomingRestartTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @LocalServerPort
    int simulatorPort;
    @Autowired
    EdxmlBuilder builder;
    @Autowired
    XmlSigner signer;

    VdxpSimulatorProbe axis;
    LocalSystemsProbe local;
    Path dataDir;
    final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

    @BeforeEach
    void simulators() {
        Http http = new Http(simulatorPort);
        axis = new VdxpSimulatorProbe(http);
        local = new LocalSystemsProbe(http);
        axis.reset();
        local.reset();
        dataDir = Path.of("target", "test-data", "restart-" + UUID.randomUUID()).toAbsolutePath();
    }

    @AfterEach
    void stopGateways() {
        gateways.forEach(ConfigurableApplicationContext::close);
        axis.reset();
        local.reset();
    }

    @Test
    void deliversOnceAndConfirmsAfterARestartBetweenTakingInAndConfirming() {
        EdocDocument document = IncomingFixtures.document(List.of(HAI_TRUONG),
                List.of(IncomingFixtures.attachment("cv.pdf", 50_000, 11)));
        String documentId = document.documentId().value();
        local.faults("{\"failNext\":1000,\"status\":503}");
        String item = axis.place(HAI_TRUONG, new IncomingFixtures(builder, signer).signed(document));

        ConfigurableApplicationContext first = start(true);
        VdxpClient spied = first.getBean(VdxpClient.class);
        JdbcTemplate firstStore = first.getBean(JdbcTemplate.class);
        await("the first gateway takes the item in and tries to confirm it three times").atMost(WITHIN)
                .until(() -> updateStatusCalls(spied) >= 3);
        await("a delivery attempt to the local system failed").atMost(WITHIN).until(() -> firstStore.queryForObject(
                "SELECT COUNT(*) FROM delivery_attempt a JOIN message m ON m.message_id = a.message_id "
                        + "WHERE m.document_id = ? AND m.direction = 'INBOUND'", Integer.class, documentId) >= 1);
        assertThat(firstStore.queryForObject("SELECT COUNT(*) FROM message WHERE document_id = ? AND direction = ?",
                Integer.class, documentId, "INBOUND")).as("one message however often the axis listed the item")
                .isEqualTo(1);
        first.close();
        assertThat(axis.receiveStatus(item)).contains("received");

        local.reset();
        ConfigurableApplicationContext second = start(false);

        await("the restarted gateway confirms the item").atMost(WITHIN)
                .until(() -> axis.receiveStatus(item).orElse(""), "done"::equals);
        List<JsonNode> records = await("the local system gets the document").atMost(WITHIN)
                .until(() -> local.records(HAI_TRUONG, "DOCUMENT", documentId), found -> !found.isEmpty());
        JdbcTemplate store = second.getBean(JdbcTemplate.class);
        await("the message is delivered").atMost(WITHIN).until(() -> store.queryForObject(
                "SELECT state FROM message WHERE document_id = ? AND direction = ?", String.class, documentId,
                "INBOUND"), "DELIVERED"::equals);
        assertThat(records).hasSize(1);
        assertThat(local.duplicates()).isZero();
        assertThat(store.queryForObject("SELECT COUNT(*) FROM message WHERE document_id = ? AND direction = ?",
                Integer.class, documentId, "INBOUND")).isEqualTo(1);
        assertThat(store.queryForObject("SELECT COUNT(*) FROM message WHERE document_id = ? AND direction = ?",
                Integer.class, documentId, "OUTBOUND")).as("one status 01 back to the sender").isEqualTo(1);
        assertThat(store.queryForObject("SELECT COUNT(*) FROM document_received WHERE document_id = ?",
                Integer.class, documentId)).isEqualTo(1);
    }

    private static long updateStatusCalls(VdxpClient client) {
        return mockingDetails(client).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals("updateStatus")).count();
    }

    /** Starts the gateway under test on the shared data folder; {@code stopsBeforeConfirming}: updateStatus fails. */
    private ConfigurableApplicationContext start(boolean stopsBeforeConfirming) {
        String simulators = "http://127.0.0.1:" + simulatorPort;
        SpringApplicationBuilder builder = new SpringApplicationBuilder(LienThongGatewayApplication.class);
        if (stopsBeforeConfirming) {
            builder.initializers(context -> context.getBeanFactory().addBeanPostProcessor(new FailingConfirmation()));
        }
        ConfigurableApplicationContext context = builder.run(
                "--server.port=0",
                "--lienthong.mtls.port=0",
                "--lienthong.data-dir=" + dataDir,
                "--spring.artemis.embedded.server-id=" + (gateways.size() + 10),
                "--lienthong.vdxp.base-url=" + simulators + "/sim/vdxp",
                "--lienthong.vdxp.poll-interval=1s",
                "--lienthong.vdxp.local-systems[0].organ-ids=000.00.17.H56,000.00.18.H56",
                "--lienthong.vdxp.local-systems[0].url=" + simulators + "/sim/local",
                "--lienthong.delivery.initial-delay=300ms",
                "--lienthong.delivery.max-delay=1s");
        gateways.add(context);
        assertThat(((WebServerApplicationContext) context).getWebServer().getPort()).isNotEqualTo(simulatorPort);
        return context;
    }

    /** Makes the gateway's VDXP client fail every updateStatus, as a gateway dying just before confirming would. */
    private static final class FailingConfirmation implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
            if (!(bean instanceof VdxpClient)) {
                return bean;
            }
            VdxpClient spy = Mockito.spy((VdxpClient) bean);
            doThrow(PlatformDeliveryException.transientFailure(null, "the gateway stopped before confirming", null,
                    null)).when(spy).updateStatus(any(), any());
            return spy;
        }
    }
}
