package vn.lienthong.gateway;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every end-to-end test of the running gateway uses: its HTTP API, the DVCQG and LGSP simulators (faults
 * cleared before and after each test), its queues and its store.
 */
@GatewayIntegrationTest
public abstract class GatewayEndToEndTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected EmbeddedActiveMQ broker;
    @Autowired
    protected JdbcTemplate jdbc;

    protected Http http;
    protected GatewayApi gateway;
    protected DvcqgSimulatorProbe simulator;
    protected LgspSimulatorProbe lgsp;
    protected QueueProbe queues;

    @BeforeEach
    void connectToTheGateway() {
        http = new Http(port);
        gateway = new GatewayApi(http);
        simulator = new DvcqgSimulatorProbe(http);
        lgsp = new LgspSimulatorProbe(http);
        queues = new QueueProbe(broker);
        simulator.reset();
        lgsp.reset();
    }

    @AfterEach
    void clearSimulatorFaults() {
        simulator.reset();
        lgsp.reset();
    }
}
