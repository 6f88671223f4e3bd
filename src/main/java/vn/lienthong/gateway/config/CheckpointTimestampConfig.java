package vn.lienthong.gateway.config;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.gateway.messagelog.CheckpointTimestamper;
import vn.lienthong.gateway.messagelog.TsaEndpoint;
import vn.lienthong.gateway.messagelog.TsaProperties;
import vn.lienthong.gateway.signature.PemCertificates;
import vn.lienthong.gateway.signature.TimestampClient;

/** Wires the RFC 3161 timestamps of checkpoints: the trust anchors of timestamping authorities and the timestamper. */
@Configuration(proxyBeanMethods = false)
class CheckpointTimestampConfig {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointTimestampConfig.class);

    /** The roots a timestamp token's signer must lead to, read from {@code lienthong.log.tsa.trust-anchors}. */
    @Bean
    TsaTrustAnchors tsaTrustAnchors(TsaProperties tsa, GatewayProperties properties) {
        List<Path> files = tsa.getTrustAnchors().stream().map(properties.getHome()::resolve).toList();
        return new TsaTrustAnchors(PemCertificates.read(files));
    }

    @Bean
    CheckpointTimestamper checkpointTimestamper(JdbcTemplate jdbc, Clock clock, TsaProperties tsa,
                                                TsaTrustAnchors tsaTrustAnchors, ApplicationContext context) {
        if (!tsa.enabled()) {
            LOG.info("No timestamping authority configured (lienthong.log.tsa.url): checkpoints are not timestamped");
            return CheckpointTimestamper.withoutAuthority(jdbc, clock);
        }
        TimestampClient client = new TimestampClient(new TsaEndpoint(tsa.getUrl(), context),
                tsa.getPolicyOid().isEmpty() ? null : tsa.getPolicyOid(), tsa.getConnectTimeout(),
                tsa.getRequestTimeout(), tsaTrustAnchors.certificates());
        return new CheckpointTimestamper(jdbc, client, clock, tsa.getRetryDelay(), tsa.getBatchSize());
    }

    /** The trust anchors of timestamping authorities, as one bean. */
    record TsaTrustAnchors(List<X509Certificate> certificates) {
    }
}
