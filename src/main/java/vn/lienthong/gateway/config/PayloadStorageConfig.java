package vn.lienthong.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.gateway.messagelog.PayloadCodec;
import vn.lienthong.gateway.vdxp.VdxpProperties;

/**
 * Wires how payloads are kept: compressed, and never inflated beyond the largest payload the gateway takes in (a body
 * any request may have, or an edXML file received from the axis).
 */
@Configuration(proxyBeanMethods = false)
class PayloadStorageConfig {

    @Bean
    PayloadCodec payloadCodec(GatewayProperties properties, VdxpProperties vdxp) {
        return new PayloadCodec(Math.max(properties.getIngress().largestBody(), vdxp.getMaxEdxmlSize().toBytes()));
    }
}
