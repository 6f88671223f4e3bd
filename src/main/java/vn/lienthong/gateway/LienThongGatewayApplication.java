package vn.lienthong.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Liên thông Gateway: ingress, durable queue, delivery workers and, in the sandbox, the platform simulators. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LienThongGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(LienThongGatewayApplication.class, args);
    }
}
