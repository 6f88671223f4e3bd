package vn.lienthong.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.gateway.vdxp.EdocRules;
import vn.lienthong.gateway.vdxp.EdxmlBuilder;
import vn.lienthong.gateway.vdxp.EdxmlLimits;
import vn.lienthong.gateway.vdxp.EdxmlParser;
import vn.lienthong.gateway.vdxp.EdxmlSchema;
import vn.lienthong.gateway.vdxp.VdxpProperties;

/** Wires edXML: the rules and limits of {@code lienthong.vdxp.*}, the parser, the builder and the schema. */
@Configuration(proxyBeanMethods = false)
class VdxpConfig {

    @Bean
    EdocRules edocRules(VdxpProperties vdxp) {
        return EdocRules.of(vdxp);
    }

    @Bean
    EdxmlParser edxmlParser(VdxpProperties vdxp) {
        return new EdxmlParser(EdxmlLimits.of(vdxp));
    }

    @Bean
    EdxmlBuilder edxmlBuilder(EdocRules edocRules) {
        return new EdxmlBuilder(edocRules);
    }

    @Bean
    EdxmlSchema edxmlSchema(GatewayProperties gateway) {
        return EdxmlSchema.load(gateway.getSchemasDir());
    }
}
