package vn.lienthong.gateway.ingress;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.signature.ClientCertificateValidator;
import vn.lienthong.gateway.signature.ClientCertificateValidator.Accepted;
import vn.lienthong.gateway.signature.ClientCertificateValidator.Refused;

/**
 * Identifies a caller on the mTLS port by its client certificate: valid now against the trust anchors and CRLs, and
 * naming in its subject an organ code a configured client has in {@code lienthong.clients[n].certificate-organ-codes}.
 * With {@code lienthong.mtls.refuse-sample-certificates} (the production profile) a chain in which any certificate says
 * {@code SAMPLE} in its subject is refused before anything else is looked at.
 */
@Component
public class ClientCertificateAuthenticator {

    private final ClientCertificateValidator validator;
    private final Clock clock;
    private final boolean refuseSamples;
    private final Map<String, ClientIdentity> byOrganCode = new HashMap<>();

    ClientCertificateAuthenticator(GatewayProperties properties, ClientCertificateValidator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
        this.refuseSamples = properties.getMtls().isRefuseSampleCertificates();
        for (int i = 0; i < properties.getClients().size(); i++) {
            GatewayProperties.Client client = properties.getClients().get(i);
            for (String organCode : client.getCertificateOrganCodes()) {
                ClientIdentity other = byOrganCode.putIfAbsent(organCode, ClientIdentity.of(client));
                if (other != null) {
                    throw new IllegalStateException("Setting lienthong.clients[" + i + "].certificate-organ-codes names "
                            + organCode + ", which client " + other.id() + " has already: one organ code, one client");
                }
            }
        }
    }

    /** The client the presented certificate identifies; refuses with 401 and the reason otherwise. */
    public ClientIdentity identify(Transport transport) {
        if (transport.clientChain().isEmpty()) {
            throw new GatewayException(ErrorCode.CLIENT_CERTIFICATE_REQUIRED,
                    "Present a client certificate: on this port clients are identified by their certificates.");
        }
        X509Certificate[] chain = transport.clientChain().toArray(X509Certificate[]::new);
        if (refuseSamples) {
            refuseSampleCertificates(chain);
        }
        ClientCertificateValidator.Outcome outcome = validator.check(chain, clock.instant());
        if (outcome instanceof Refused refused) {
            throw new GatewayException(ErrorCode.CLIENT_CERTIFICATE_INVALID, "The client certificate is refused ("
                    + refused.reason() + "): " + refused.detail() + ".");
        }
        Accepted accepted = (Accepted) outcome;
        ClientIdentity client = accepted.organCode() == null ? null : byOrganCode.get(accepted.organCode());
        if (client == null) {
            throw new GatewayException(ErrorCode.CLIENT_CERTIFICATE_UNKNOWN, "The client certificate of "
                    + accepted.subject() + " is valid, but no client is registered for its organ code "
                    + accepted.organCode() + ".");
        }
        return client;
    }

    private static void refuseSampleCertificates(X509Certificate[] chain) {
        for (X509Certificate certificate : chain) {
            String subject = certificate.getSubjectX500Principal().getName();
            if (subject.toUpperCase(Locale.ROOT).contains("SAMPLE")) {
                throw new GatewayException(ErrorCode.CLIENT_CERTIFICATE_INVALID, "The client certificate is refused "
                        + "(SAMPLE_CERTIFICATE): " + subject + " belongs to the sample PKI of certs-sample/, which "
                        + "this gateway does not accept.");
            }
        }
    }
}
