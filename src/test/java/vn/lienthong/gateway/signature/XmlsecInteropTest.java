package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.gateway.signature.XmlTestSigner.EDXML;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.XMLSignature;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import vn.lienthong.gateway.RequiresTool;

/**
 * XML signatures both ways with {@code xmlsec1}: the gateway's verify with {@code xmlsec1 --verify} against the sample
 * root (and fail once the document changes or under another root), and signatures made by {@code xmlsec1 --sign} from
 * a template with the sample agency keys are VALID for the gateway.
 */
@RequiresTool("xmlsec1")
class XmlsecInteropTest {

    private static final Path CERTS = SamplePki.DIR.toAbsolutePath();

    private final XmlSignatureVerifier verifier = XmlSignerTest.verifier();

    @TempDir
    Path dir;

    @Test
    void gatewaySignedEdxmlVerifiesWithXmlsec1() throws Exception {
        Path signed = write("signed.edxml", new XmlSigner(XmlSignerTest.gatewayIdentity())
                .sign(EDXML.strip().getBytes(StandardCharsets.UTF_8), SignaturePlacement.EDXML_HEADER));

        ToolRun run = xmlsecVerify(signed);

        assertThat(run.succeeded()).as(run.output()).isTrue();
        assertThat(run.output()).contains("OK");
    }

    @Test
    void gatewaySignedFieldSampleVerifiesWithXmlsec1() throws Exception {
        Path signed = write("field.edxml", new XmlSigner(XmlSignerTest.gatewayIdentity())
                .sign(Files.readAllBytes(XmlSignerTest.FIELD_SAMPLE), SignaturePlacement.EDXML_HEADER));

        ToolRun run = xmlsecVerify(signed);

        assertThat(run.succeeded()).as(run.output()).isTrue();
    }

    @Test
    void xmlsec1RefusesTheGatewaySignatureOnceTheDocumentChanged() throws Exception {
        String signed = new String(new XmlSigner(XmlSignerTest.gatewayIdentity())
                .sign(EDXML.strip().getBytes(StandardCharsets.UTF_8), SignaturePlacement.EDXML_HEADER),
                StandardCharsets.UTF_8);
        Path changed = write("changed.edxml", signed.replace("57/UBND-TP", "58/UBND-TP")
                .getBytes(StandardCharsets.UTF_8));

        ToolRun run = xmlsecVerify(changed);

        assertThat(run.succeeded()).as(run.output()).isFalse();
        assertThat(run.output()).contains("FAIL");
    }

    @Test
    void xmlsec1RefusesASignerUnderAnotherRoot() throws Exception {
        KeyPair rootKeys = SamplePki.keyPair("RSA");
        X500Name rootName = new X500Name("CN=Throwaway Root,O=Elsewhere,C=VN");
        var root = SamplePki.issue(rootName, rootKeys.getPrivate(), rootName.toString(), rootKeys.getPublic(), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign);
        KeyPair signerKeys = SamplePki.keyPair("RSA");
        var signer = SamplePki.issue(rootName, rootKeys.getPrivate(), "CN=Impostor gateway,O=SAMPLE,C=VN",
                signerKeys.getPublic(), false, KeyUsage.digitalSignature);
        Path signed = write("impostor.edxml", new XmlSigner(new SigningIdentity(signerKeys.getPrivate(),
                List.of(signer, root))).sign(EDXML.strip().getBytes(StandardCharsets.UTF_8),
                SignaturePlacement.EDXML_HEADER));

        ToolRun run = xmlsecVerify(signed);

        assertThat(run.succeeded()).as(run.output()).isFalse();
        assertThat(run.output()).contains("unable to get local issuer certificate");
        assertThat(verifier.verify(Files.readAllBytes(signed)).reason()).isEqualTo(VerdictReason.CHAIN_UNTRUSTED);
    }

    /**
     * xmlsec1 1.2 takes no CRL file, so the revocation of the certificate an XML signature carries is checked with
     * {@code openssl verify -crl_check_all}, as docs/signatures.md says: the gateway's passes, a revoked agency's not.
     */
    @Test
    @RequiresTool(value = "openssl", probe = "version")
    void certificateOfAnXmlSignatureIsCheckedForRevocationWithOpenssl() throws Exception {
        Path gatewaySigned = write("gateway.edxml", new XmlSigner(XmlSignerTest.gatewayIdentity())
                .sign(EDXML.strip().getBytes(StandardCharsets.UTF_8), SignaturePlacement.EDXML_HEADER));
        Path revokedSigned = write("revoked.edxml", new XmlSigner(new SigningIdentity(SamplePki.key(SamplePki.REVOKED),
                List.of(SamplePki.certificate(SamplePki.REVOKED), SamplePki.certificate(SamplePki.INTERMEDIATE))))
                .sign(EDXML.strip().getBytes(StandardCharsets.UTF_8), SignaturePlacement.EDXML_HEADER));
        Path trustAndCrls = dir.resolve("trust-and-crls.pem");
        Files.writeString(trustAndCrls, Files.readString(CERTS.resolve("trust-anchors.pem"))
                + Files.readString(CERTS.resolve("sample-gov-ca.crl.pem"))
                + Files.readString(CERTS.resolve("root-ca.crl.pem")));

        ToolRun gateway = opensslVerify(signerCertificate(gatewaySigned), trustAndCrls);
        ToolRun revoked = opensslVerify(signerCertificate(revokedSigned), trustAndCrls);

        assertThat(xmlsecVerify(revokedSigned).succeeded()).as("xmlsec1 alone does not see the revocation").isTrue();
        assertThat(gateway.succeeded()).as(gateway.output()).isTrue();
        assertThat(revoked.succeeded()).as(revoked.output()).isFalse();
        assertThat(revoked.output()).contains("certificate revoked");
    }

    @Test
    void rsaSignatureMadeByXmlsec1IsValidForTheGateway() throws Exception {
        VerificationReport report = verifier.verify(Files.readAllBytes(xmlsecSign(SamplePki.GOOD_RSA,
                SignatureMethod.RSA_SHA256)));

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.signatures().get(0).signer().organId()).isEqualTo("000.00.18.H56");
        assertThat(report.signatures().get(0).signer().algorithm()).isEqualTo("SHA256withRSA");
    }

    @Test
    void ecdsaSignatureMadeByXmlsec1IsValidForTheGateway() throws Exception {
        VerificationReport report = verifier.verify(Files.readAllBytes(xmlsecSign(SamplePki.GOOD_EC,
                SignatureMethod.ECDSA_SHA256)));

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.signatures().get(0).signer().algorithm()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void signatureMadeByXmlsec1WithARevokedKeyIsInvalidWithCertRevoked() throws Exception {
        VerificationReport report = verifier.verify(Files.readAllBytes(xmlsecSign(SamplePki.REVOKED,
                SignatureMethod.RSA_SHA256)));

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).as(report.detail()).isEqualTo(VerdictReason.CERT_REVOKED);
    }

    @Test
    void documentSignedByXmlsec1AndChangedIsInvalidWithDigestMismatch() throws Exception {
        String signed = Files.readString(xmlsecSign(SamplePki.GOOD_RSA, SignatureMethod.RSA_SHA256));

        VerificationReport report = verifier.verify(signed.replace("liên thông", "liên thông đã sửa")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).as(report.detail()).isEqualTo(VerdictReason.DIGEST_MISMATCH);
    }

    /** {@code xmlsec1 --verify} as docs/signatures.md gives it: the sample root trusted, the intermediate not. */
    private ToolRun xmlsecVerify(Path signed) throws Exception {
        return ToolRun.run(dir, List.of("xmlsec1", "--verify", "--enabled-reference-uris", "empty",
                "--trusted-pem", CERTS.resolve("root-ca.pem").toString(),
                "--untrusted-pem", CERTS.resolve("sample-gov-ca.pem").toString(), signed.toString()));
    }

    private ToolRun opensslVerify(Path certificate, Path trustAndCrls) throws Exception {
        return ToolRun.run(dir, List.of("openssl", "verify", "-crl_check_all", "-CAfile", trustAndCrls.toString(),
                "-untrusted", CERTS.resolve("sample-gov-ca.pem").toString(), certificate.toString()));
    }

    /** The first certificate of the signature's KeyInfo (the signer's), written as PEM. */
    private Path signerCertificate(Path signed) throws Exception {
        Document document = XmlTestSigner.parse(Files.readAllBytes(signed));
        String base64 = document.getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate")
                .item(0).getTextContent().replaceAll("\\s", "");
        String pem = "-----BEGIN CERTIFICATE-----\n" + base64.replaceAll("(.{64})", "$1\n")
                + "\n-----END CERTIFICATE-----\n";
        return write(signed.getFileName() + ".pem", pem.getBytes(StandardCharsets.US_ASCII));
    }

    /** Signs the test edXML with {@code xmlsec1 --sign} from a signature template in its header. */
    private Path xmlsecSign(String signer, String signatureMethod) throws Exception {
        String template = EDXML.strip().replace("</edXML:edXMLHeader>", """
                <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                  <ds:SignedInfo>
                    <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
                    <ds:SignatureMethod Algorithm="%s"/>
                    <ds:Reference URI="">
                      <ds:Transforms>
                        <ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
                        <ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
                      </ds:Transforms>
                      <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
                      <ds:DigestValue/>
                    </ds:Reference>
                  </ds:SignedInfo>
                  <ds:SignatureValue/>
                  <ds:KeyInfo><ds:X509Data/></ds:KeyInfo>
                </ds:Signature>
                </edXML:edXMLHeader>""".formatted(signatureMethod));
        Path templateFile = write(signer + ".template.edxml", template.getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve(signer + ".signed.edxml");
        String keyAndCertificates = String.join(",", CERTS.resolve(signer + ".key.pem").toString(),
                CERTS.resolve(signer + ".pem").toString(), CERTS.resolve("sample-gov-ca.pem").toString());
        ToolRun run = ToolRun.run(dir, List.of("xmlsec1", "--sign", "--privkey-pem", keyAndCertificates,
                "--output", out.toString(), templateFile.toString()));
        assertThat(run.succeeded()).as(run.output()).isTrue();
        return out;
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }
}
