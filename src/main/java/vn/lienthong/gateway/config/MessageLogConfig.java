package vn.lienthong.gateway.config;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.lienthong.gateway.messagelog.AuditExportWriter;
import vn.lienthong.gateway.messagelog.LogRetention;
import vn.lienthong.gateway.messagelog.MessageLogSealer;
import vn.lienthong.gateway.messagelog.MessageLogVerifier;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.PayloadCodec;
import vn.lienthong.gateway.signature.CmsSigner;
import vn.lienthong.gateway.signature.SigningIdentity;

/** Wires the tamper-evident message log: the gateway's signing key, the sealer, the verifier and the export writer. */
@Configuration(proxyBeanMethods = false)
class MessageLogConfig {

    @Bean
    SigningIdentity gatewaySigningIdentity(GatewayProperties properties) {
        GatewayProperties.Log log = properties.getLog();
        return SigningIdentity.fromPkcs12(properties.getHome().resolve(log.getSigningKeystore()),
                log.getSigningPassword().toCharArray(), log.getSigningAlias());
    }

    @Bean
    MessageLogSealer messageLogSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                                      GatewayProperties properties, SigningIdentity gatewaySigningIdentity) {
        GatewayProperties.Log log = properties.getLog();
        return new MessageLogSealer(jdbc, transactions, clock, log.getNodeId(), log.getSealBatchSize(),
                log.getGapTimeout(), log.getCheckpointEntries(), log.getCheckpointInterval(),
                new CmsSigner(gatewaySigningIdentity));
    }

    @Bean
    MessageLogVerifier messageLogVerifier(JdbcTemplate jdbc, SigningIdentity gatewaySigningIdentity,
                                          CheckpointTimestampConfig.TsaTrustAnchors tsaTrustAnchors) {
        return new MessageLogVerifier(jdbc, gatewaySigningIdentity.certificate(), tsaTrustAnchors.certificates());
    }

    @Bean
    LogRetention logRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditExportWriter writer,
                              MessageStore store, Clock clock, GatewayProperties properties,
                              SigningIdentity gatewaySigningIdentity) {
        GatewayProperties.Log log = properties.getLog();
        List<X509Certificate> chain = gatewaySigningIdentity.chain();
        return new LogRetention(jdbc, transactions, writer, store, clock, log.getNodeId(), log.getRetention().getKeep(),
                properties.getDataDir().resolve(log.getRetention().getArchiveDir()), chain.get(chain.size() - 1));
    }

    @Bean
    AuditExportWriter auditExportWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                        SigningIdentity gatewaySigningIdentity, PayloadCodec payloadCodec,
                                        Clock clock) {
        return new AuditExportWriter(jdbc, transactions, gatewaySigningIdentity, payloadCodec, clock);
    }
}
