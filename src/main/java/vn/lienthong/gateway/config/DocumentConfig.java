package vn.lienthong.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.gateway.ingress.StrictJsonReader;

/** Wires the official-document API: its JSON reader, whose strings and body may be as long as the document limit. */
@Configuration(proxyBeanMethods = false)
class DocumentConfig {

    @Bean
    StrictJsonReader documentJsonReader(GatewayProperties gateway) {
        return StrictJsonReader.forOfficialDocuments(gateway);
    }
}
