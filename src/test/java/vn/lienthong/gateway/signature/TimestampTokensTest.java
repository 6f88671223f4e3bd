package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.Sha256;

/** A timestamp token verifies only over the bytes it stamps, signed by a trusted timestamping authority, unaltered. */
class TimestampTokensTest {

    private static final byte[] SIGNATURE = "the CMS signature of a checkpoint".getBytes(StandardCharsets.US_ASCII);

    @Test
    void acceptsATokenOfTheSandboxAuthorityOverTheSignatureAndGivesItsTime() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        byte[] token = token(TimestampAuthorities.sandboxResponder(), SIGNATURE);

        TimestampVerdict verdict = TimestampTokens.verify(token, SIGNATURE, TimestampAuthorities.SAMPLE_ANCHORS);

        assertThat(verdict.valid()).as(verdict.problem()).isTrue();
        assertThat(verdict.time()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(verdict.authority()).contains("CN=SAMPLE Timestamping Authority");
    }

    @Test
    void acceptsTheAuthorityCertificateItselfAsAnAnchor() throws Exception {
        byte[] token = token(TimestampAuthorities.sandboxResponder(), SIGNATURE);

        assertThat(TimestampTokens.verify(token, SIGNATURE, PemCertificates.read(Path.of("certs-sample/tsa.pem")))
                .valid()).isTrue();
    }

    @Test
    void refusesATokenOverAnotherSignature() throws Exception {
        byte[] token = token(TimestampAuthorities.sandboxResponder(), "another signature".getBytes(StandardCharsets.US_ASCII));

        TimestampVerdict verdict = TimestampTokens.verify(token, SIGNATURE, TimestampAuthorities.SAMPLE_ANCHORS);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problem()).contains("imprint is not the SHA-256 of the signature");
    }

    @Test
    void refusesATokenOfAnAuthorityThatLeadsToNoTrustAnchor() throws Exception {
        byte[] token = token(new TimestampResponder(TimestampAuthorities.untrusted(), TimestampAuthorities.SANDBOX_POLICY,
                Clock.systemUTC()), SIGNATURE);

        TimestampVerdict verdict = TimestampTokens.verify(token, SIGNATURE, TimestampAuthorities.SAMPLE_ANCHORS);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problem()).contains("Stranger Timestamping Authority", "is not trusted");
    }

    @Test
    void refusesATokenSignedWithACertificateThatIsNotForTimestamping() throws Exception {
        SigningIdentity gateway = SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
                "sandbox".toCharArray(), null);
        byte[] token = resigned(token(TimestampAuthorities.sandboxResponder(), SIGNATURE), gateway);

        TimestampVerdict verdict = TimestampTokens.verify(token, SIGNATURE, TimestampAuthorities.SAMPLE_ANCHORS);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problem()).contains("signature is not valid", "ExtendedKeyUsage");
    }

    @Test
    void refusesATamperedToken() throws Exception {
        byte[] token = token(TimestampAuthorities.sandboxResponder(), SIGNATURE);
        byte[] tampered = token.clone();
        tampered[lastDigitOfGenTime(token)] ^= 0x01;

        TimestampVerdict verdict = TimestampTokens.verify(tampered, SIGNATURE, TimestampAuthorities.SAMPLE_ANCHORS);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problem()).contains("signature is not valid");
    }

    @Test
    void refusesBytesThatAreNoTokenAndATokenCheckedWithoutAnchors() throws Exception {
        assertThat(TimestampTokens.verify(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}, SIGNATURE,
                TimestampAuthorities.SAMPLE_ANCHORS).problem()).startsWith("not an RFC 3161 timestamp token");
        byte[] token = token(TimestampAuthorities.sandboxResponder(), SIGNATURE);
        assertThat(TimestampTokens.verify(token, SIGNATURE, List.of()).problem()).contains("no trust anchors");
    }

    /** A token from the responder over the SHA-256 of {@code data}, with certificates, as the gateway asks for it. */
    static byte[] token(TimestampResponder responder, byte[] data) throws Exception {
        TimeStampRequestGenerator request = new TimeStampRequestGenerator();
        request.setCertReq(true);
        byte[] reply = responder.respond(request.generate(TSPAlgorithms.SHA256, Sha256.digest(data),
                BigInteger.valueOf(System.nanoTime())).getEncoded());
        return new TimeStampResponse(reply).getTimeStampToken().getEncoded();
    }

    /**
     * The token's TSTInfo signed again, as a timestamping authority signs it (ESS signing certificate v2), by a key
     * whose certificate is not for timestamping: Bouncy Castle's own generator refuses to make such a token.
     */
    private static byte[] resigned(byte[] token, SigningIdentity signer) throws Exception {
        CMSSignedData original = new CMSSignedData(token);
        byte[] tstInfo = (byte[]) original.getSignedContent().getContent();
        X509CertificateHolder certificate =
                new JcaX509CertificateHolder(signer.certificate());
        ESSCertIDv2 certId = new ESSCertIDv2(
                Sha256.digest(certificate.getEncoded()));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(
                PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(certId))));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                        new AttributeTable(attributes)))
                .build("SHA256withRSA", signer.privateKey(), signer.certificate()));
        generator.addCertificates(new JcaCertStore(signer.chain()));
        return generator.generate(new CMSProcessableByteArray(
                PKCSObjectIdentifiers.id_ct_TSTInfo, tstInfo), true).getEncoded();
    }

    /** Where the last digit of the token's generation time (its first GeneralizedTime, before the 'Z') is. */
    private static int lastDigitOfGenTime(byte[] token) {
        for (int i = 0; i + 2 < token.length; i++) {
            int end = i + 1 + token[i + 1];
            if (token[i] == 0x18 && token[i + 2] == '2' && end < token.length && token[end] == 'Z') {
                return end - 1;
            }
        }
        throw new IllegalStateException("no GeneralizedTime in the token");
    }
}
