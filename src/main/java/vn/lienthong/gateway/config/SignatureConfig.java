package vn.lienthong.gateway.config;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.gateway.ingress.StrictJsonReader;
import vn.lienthong.gateway.signature.ClientCertificateValidator;
import vn.lienthong.gateway.signature.CmsSignatureVerifier;
import vn.lienthong.gateway.signature.OcspResponder;
import vn.lienthong.gateway.signature.PdfSignatureVerifier;
import vn.lienthong.gateway.signature.RevocationLists;
import vn.lienthong.gateway.signature.TrustAnchors;
import vn.lienthong.gateway.signature.TrustProperties;
import vn.lienthong.gateway.signature.XmlSignatureVerifier;

/**
 * Wires signature verification: the trust anchors, CRLs and OCSP responder of {@code lienthong.trust.*}, the CMS
 * XML and PDF verifiers, and the check of mTLS client certificates against the same trust.
 */
@Configuration(proxyBeanMethods = false)
class SignatureConfig {

    @Bean
    TrustAnchors trustAnchors(GatewayProperties gateway, TrustProperties trust) {
        return TrustAnchors.load(gateway.getHome(), trust.getAnchors(), trust.getIntermediates());
    }

    @Bean
    RevocationLists revocationLists(GatewayProperties gateway, TrustProperties trust) {
        return RevocationLists.configure(gateway.getHome(), trust.getCrls(), trust.getCrlRefresh(),
                trust.getCrlTimeout(), trust.getCrlMaxSize().toBytes());
    }

    @Bean
    CmsSignatureVerifier cmsSignatureVerifier(TrustAnchors trustAnchors, RevocationLists revocationLists,
                                              GatewayProperties gateway, TrustProperties trust, Clock clock) {
        return new CmsSignatureVerifier(trustAnchors, revocationLists, ocspResponder(gateway, trust), clock);
    }

    @Bean
    XmlSignatureVerifier xmlSignatureVerifier(TrustAnchors trustAnchors, RevocationLists revocationLists,
                                              GatewayProperties gateway, TrustProperties trust, Clock clock) {
        return new XmlSignatureVerifier(trustAnchors, revocationLists, ocspResponder(gateway, trust), clock);
    }

    @Bean
    PdfSignatureVerifier pdfSignatureVerifier(CmsSignatureVerifier cmsSignatureVerifier, Clock clock) {
        return new PdfSignatureVerifier(cmsSignatureVerifier, clock);
    }

    @Bean
    ClientCertificateValidator clientCertificateValidator(TrustAnchors trustAnchors, RevocationLists revocationLists,
                                                          GatewayProperties gateway, TrustProperties trust) {
        return new ClientCertificateValidator(trustAnchors, revocationLists, ocspResponder(gateway, trust));
    }

    private static Optional<OcspResponder> ocspResponder(GatewayProperties gateway, TrustProperties trust) {
        TrustProperties.Ocsp ocsp = trust.getOcsp();
        return OcspResponder.configure(gateway.getHome(), ocsp.getResponderUrl(), ocsp.getResponderCertificate());
    }

    /** Reads verification requests, whose base64 strings may be as long as the body limit allows. */
    @Bean
    StrictJsonReader signatureRequestReader(GatewayProperties gateway) {
        return StrictJsonReader.forBase64Documents(gateway);
    }
}
