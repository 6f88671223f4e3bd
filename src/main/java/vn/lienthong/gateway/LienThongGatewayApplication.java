package vn.lienthong.gateway;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import vn.lienthong.gateway.messagelog.OfflineVerifier;

/** Starts the Liên thông Gateway: ingress, durable queue, delivery workers and, in the sandbox, the platform simulators. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LienThongGatewayApplication {

    /**
     * Starts the gateway; {@code verify FILE [--trust ANCHORS.pem]} instead checks an export archive, a consistency
     * proof or the evidence of a dossier offline and exits.
     */
    public static void main(String[] args) {
        if (args.length >= 1 && args[0].equals("verify")) {
            System.exit(OfflineVerifier.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(LienThongGatewayApplication.class, args);
    }
}
