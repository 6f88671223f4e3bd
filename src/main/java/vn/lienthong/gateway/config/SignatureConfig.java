package vn.lienthong.gateway.config;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.gateway.ingress.StrictJsonReader;
import vn.lienthong.gateway.signature.ClientCertificateValidator;
import vn.lienthong.gateway.signature.CmsSignatureVerifier;
import vn.lienthong.gateway.signature.OcspResponder;
import vn.lienthong.gateway.signature.PayloadSigner;
import vn.lienthong.gateway.signature.PdfSignatureVerifier;
import vn.lienthong.gateway.signature.RevocationLists;
import vn.lienthong.gateway.signature.SigningIdentity;
import vn.lienthong.gateway.signature.TrustAnchors;
import vn.lienthong.gateway.signature.TrustProperties;
import vn.lienthong.gateway.signature.XmlSignatureVerifier;
import vn.lienthong.gateway.signature.XmlSigner;

/**
 * Wires signatures: the trust anchors, CRLs and OCSP responder of {@code lienthong.trust.*}, the CMS, XML and PDF
 * verifiers, the check of mTLS client certificates against the same trust, and the signers of what the gateway sends
 * (XML signatures on edXML, CMS signatures of request bodies) with the gateway key.
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

    /** Signs outgoing XML (edXML) with the gateway key of {@code lienthong.log.signing-keystore}. */
    @Bean
    XmlSigner xmlSigner(SigningIdentity gatewaySigningIdentity) {
        return new XmlSigner(gatewaySigningIdentity);
    }

    /** Signs outgoing request bodies for the destinations whose {@code payload-signature} asks for it. */
    @Bean
    PayloadSigner payloadSigner(SigningIdentity gatewaySigningIdentity) {
        return new PayloadSigner(gatewaySigningIdentity);
    }

    /** Reads verification requests, whose base64 strings may be as long as the body limit allows. */
    @Bean
    StrictJsonReader signatureRequestReader(GatewayProperties gateway) {
        return StrictJsonReader.forBase64Documents(gateway);
    }
}
