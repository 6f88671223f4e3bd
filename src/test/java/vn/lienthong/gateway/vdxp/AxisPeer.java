package vn.lienthong.gateway.vdxp;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.mock.env.MockEnvironment;

/**
 * Another province's document system on the sandbox axis ({@code sandbox-other-province}, organ 000.00.00.G22):
 * what a recipient of the gateway's documents, or a sender of documents to it, does there, through the same client
 * the gateway uses, under that system's own id and secret.
 */
public final class AxisPeer {

    public static final String ORGAN = "000.00.00.G22";

    private final VdxpClient client;

    private AxisPeer(VdxpClient client) {
        this.client = client;
    }

    /** The other province, on the simulator of the gateway listening on this port. */
    public static AxisPeer otherProvince(int gatewayPort) {
        VdxpAxisProperties settings = new VdxpAxisProperties();
        settings.setBaseUrl("http://127.0.0.1:" + gatewayPort + "/sim/vdxp");
        settings.setSystemId("sandbox-other-province");
        settings.setSecret("sandbox-other-province-secret");
        settings.setOrganIds(List.of(ORGAN));
        settings.setRequestTimeout(Duration.ofSeconds(30));
        return new AxisPeer(new VdxpClient(settings, new VdxpEndpoint(settings, new MockEnvironment(), null),
                new ObjectMapper(), Clock.systemUTC()));
    }

    public VdxpClient client() {
        return client;
    }

    /** The edXML of the item waiting for this system that the sender sent with this document id. */
    public List<VdxpReceivedItem> waiting(VdxpMessageType type) {
        return client.getReceivedEdocList(type);
    }
}
