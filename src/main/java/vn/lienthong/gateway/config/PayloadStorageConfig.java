package vn.lienthong.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.gateway.messagelog.PayloadCodec;

/** Wires how payloads are kept: compressed, and never inflated beyond the largest body the ingress accepts. */
@Configuration(proxyBeanMethods = false)
class PayloadStorageConfig {

    @Bean
    PayloadCodec payloadCodec(GatewayProperties properties) {
        return new PayloadCodec(properties.getIngress().largestBody());
    }
}
