package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.gateway.signature.XmlTestSigner.EDXML;
import static vn.lienthong.gateway.signature.XmlTestSigner.EDXML_NS;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.XMLSignature;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Each verdict of an enveloped XML signature as edXML carries it, from signatures made with the keys of
 * {@code certs-sample/}: valid ones, changes after signing, signature wrapping, weak algorithms, hostile XML, and the
 * real edXML samples from the field.
 */
class XmlSignatureVerifierTest {

    /** Real edXML from the field (copied from the project's shared samples). */
    private static final Path FIELD_SAMPLES = Path.of("samples/edxml");

    private final XmlSignatureVerifier verifier = verifier();

    @Test
    void envelopedSignatureOverTheWholeDocumentIsValidWithItsSignerDetails() {
        VerificationReport report = verifier.verify(XmlTestSigner.of(SamplePki.GOOD_RSA).sign(EDXML));

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        SignerDetails signer = report.signatures().get(0).signer();
        assertThat(signer.organId()).isEqualTo("000.00.18.H56");
        assertThat(signer.algorithm()).isEqualTo("SHA256withRSA");
        assertThat(signer.chain()).hasSize(3);
        assertThat(signer.signedAt()).isNull();
    }

    @Test
    void signatureReferencingTheDocumentElementByIdIsValid() {
        VerificationReport report = verifier.verify(XmlTestSigner.of(SamplePki.GOOD_EC).reference("#envelope")
                .sign(EDXML));

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.signatures().get(0).signer().algorithm()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void documentChangedAfterSigningIsInvalidWithDigestMismatch() {
        String signed = new String(XmlTestSigner.of(SamplePki.GOOD_RSA).sign(EDXML), StandardCharsets.UTF_8);

        assertInvalid(verifier.verify(signed.replace("liên thông hồ sơ", "liên thông hồ sơ đã sửa")
                .getBytes(StandardCharsets.UTF_8)), VerdictReason.DIGEST_MISMATCH);
    }

    @Test
    void alteredSignatureValueIsInvalidWithSignatureMismatch() throws Exception {
        Document signed = XmlTestSigner.parse(XmlTestSigner.of(SamplePki.GOOD_RSA).sign(EDXML));
        Element value = (Element) signed.getElementsByTagNameNS(XMLSignature.XMLNS, "SignatureValue").item(0);
        String text = value.getTextContent().strip();
        value.setTextContent((text.charAt(0) == 'A' ? "B" : "A") + text.substring(1));

        assertInvalid(verifier.verify(XmlTestSigner.serialize(signed)), VerdictReason.SIGNATURE_MISMATCH);
    }

    @Test
    void signatureCoveringOnlyThePartOfTheHeaderIsInvalidWithSignedElementMismatch() {
        assertInvalid(verifier.verify(XmlTestSigner.of(SamplePki.GOOD_RSA).reference("#header").sign(EDXML)),
                VerdictReason.SIGNED_ELEMENT_MISMATCH);
    }

    /** Attacker moves the signed envelope under a forged one, whose header the business code would read. */
    @Test
    void signedElementMovedUnderAForgedDocumentIsInvalidWithSignedElementMismatch() throws Exception {
        Document signed = XmlTestSigner.parse(XmlTestSigner.of(SamplePki.GOOD_RSA).reference("#envelope").sign(EDXML));
        Document forged = XmlTestSigner.parse(EDXML.strip().replace("Id=\"envelope\"", "Id=\"forged\"")
                .replace("liên thông hồ sơ", "chuyển tiền").getBytes(StandardCharsets.UTF_8));
        Element hidden = forged.createElementNS(EDXML_NS, "edXML:OtherInfo");
        hidden.appendChild(forged.importNode(signed.getDocumentElement(), true));
        forged.getDocumentElement().appendChild(hidden);

        VerificationReport report = verifier.verify(XmlTestSigner.serialize(forged));

        assertInvalid(report, VerdictReason.SIGNED_ELEMENT_MISMATCH);
        assertThat(report.detail()).contains("not the document element");
    }

    /** Attacker adds a second element carrying the id the signature references. */
    @Test
    void anotherElementWithTheSignedIdIsInvalidWithSignedElementMismatch() throws Exception {
        Document signed = XmlTestSigner.parse(XmlTestSigner.of(SamplePki.GOOD_RSA).reference("#envelope").sign(EDXML));
        Element copy = signed.createElementNS(EDXML_NS, "edXML:OtherInfo");
        copy.setAttribute("Id", "envelope");
        signed.getDocumentElement().getElementsByTagNameNS(EDXML_NS, "edXMLBody").item(0).appendChild(copy);

        assertInvalid(verifier.verify(XmlTestSigner.serialize(signed)), VerdictReason.SIGNED_ELEMENT_MISMATCH);
    }

    @Test
    void signedDocumentWrappedInAnotherIsInvalidWithDigestMismatch() throws Exception {
        Document signed = XmlTestSigner.parse(XmlTestSigner.of(SamplePki.GOOD_RSA).sign(EDXML));
        Document wrapper = XmlTestSigner.parse("<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"/>"
                .getBytes(StandardCharsets.UTF_8));
        wrapper.getDocumentElement().appendChild(wrapper.importNode(signed.getDocumentElement(), true));

        assertInvalid(verifier.verify(XmlTestSigner.serialize(wrapper)), VerdictReason.DIGEST_MISMATCH);
    }

    @Test
    void referenceToAnotherPlaceIsInvalidBeforeAnythingIsFetched() throws Exception {
        Document signed = XmlTestSigner.parse(XmlTestSigner.of(SamplePki.GOOD_RSA).sign(EDXML));
        ((Element) signed.getElementsByTagNameNS(XMLSignature.XMLNS, "Reference").item(0))
                .setAttribute("URI", "http://127.0.0.1:9/edxml");

        assertInvalid(verifier.verify(XmlTestSigner.serialize(signed)), VerdictReason.SIGNED_ELEMENT_MISMATCH);
    }

    @Test
    void xsltTransformIsRefused() throws Exception {
        Document signed = XmlTestSigner.parse(XmlTestSigner.of(SamplePki.GOOD_RSA).sign(EDXML));
        Element transforms = (Element) signed.getElementsByTagNameNS(XMLSignature.XMLNS, "Transforms").item(0);
        Element xslt = signed.createElementNS(XMLSignature.XMLNS, "ds:Transform");
        xslt.setAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xslt-19991116");
        Element stylesheet = signed.createElementNS("http://www.w3.org/1999/XSL/Transform", "xsl:stylesheet");
        stylesheet.setAttribute("version", "1.0");
        xslt.appendChild(stylesheet);
        transforms.appendChild(xslt);

        VerificationReport report = verifier.verify(XmlTestSigner.serialize(signed));

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).as(report.detail()).isEqualTo(VerdictReason.UNSUPPORTED_ALGORITHM);
        assertThat(report.detail()).containsIgnoringCase("xslt");
    }

    @Test
    void sha1IsInvalidWithWeakAlgorithm() {
        assertInvalid(verifier.verify(XmlTestSigner.of(SamplePki.GOOD_RSA)
                .methods(SignatureMethod.RSA_SHA1, DigestMethod.SHA1).sign(EDXML)), VerdictReason.WEAK_ALGORITHM);
    }

    @Test
    void revokedSignerIsInvalidWithCertRevoked() {
        assertInvalid(verifier.verify(XmlTestSigner.of(SamplePki.REVOKED).sign(EDXML)), VerdictReason.CERT_REVOKED);
    }

    @Test
    void expiredSignerIsInvalidWithCertExpired() {
        assertInvalid(verifier.verify(XmlTestSigner.of(SamplePki.EXPIRED).sign(EDXML)), VerdictReason.CERT_EXPIRED);
    }

    @Test
    void rsa1024SignerIsInvalidWithWeakKey() {
        assertInvalid(verifier.verify(XmlTestSigner.of(SamplePki.WEAK).sign(EDXML)), VerdictReason.WEAK_KEY);
    }

    @Test
    void signerUnderAnUntrustedRootIsInvalidWithChainUntrusted() throws Exception {
        KeyPair rootKeys = SamplePki.keyPair("RSA");
        X500Name rootName = new X500Name("CN=Throwaway Root,O=Elsewhere,C=VN");
        var root = SamplePki.issue(rootName, rootKeys.getPrivate(), rootName.toString(), rootKeys.getPublic(), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign);
        KeyPair signerKeys = SamplePki.keyPair("RSA");
        var signer = SamplePki.issue(rootName, rootKeys.getPrivate(), "CN=Impostor,OU=000.00.18.H56,O=SAMPLE,C=VN",
                signerKeys.getPublic(), false, KeyUsage.digitalSignature);

        VerificationReport report = verifier.verify(new XmlTestSigner(signerKeys.getPrivate(), List.of(signer, root))
                .sign(EDXML));

        assertInvalid(report, VerdictReason.CHAIN_UNTRUSTED);
        assertThat(report.signatures().get(0).signer().organId()).isEqualTo("000.00.18.H56");
    }

    @Test
    void documentWithoutSignatureIsInvalidWithNoSigner() {
        VerificationReport report = verifier.verify(EDXML.strip().getBytes(StandardCharsets.UTF_8));

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).isEqualTo(VerdictReason.NO_SIGNER);
    }

    @Test
    void doctypeAndEntitiesAreRefusedAsMalformed() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">]>
                <r>&x;&a;</r>""";
        StringBuilder deep = new StringBuilder();
        deep.append("<a>".repeat(10_000)).append("</a>".repeat(10_000));

        for (String bad : List.of(xxe, deep.toString(), "<unclosed>", "")) {
            VerificationReport report = verifier.verify(bad.getBytes(StandardCharsets.UTF_8));
            assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
            assertThat(report.reason()).isEqualTo(VerdictReason.MALFORMED);
        }
    }

    @Test
    void fieldSampleWithItsPlaceholderSignatureIsInvalidWithAClearReason() throws Exception {
        Path sample = FIELD_SAMPLES.resolve("edoc_new.edxml");
        byte[] xml = Files.readAllBytes(sample);

        VerificationReport asSent = verifier.verify(xml);
        VerificationReport inDsigNamespace = verifier.verify(new String(xml, StandardCharsets.UTF_8)
                .replace("<Signature>", "<Signature xmlns=\"" + XMLSignature.XMLNS + "\">")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(asSent.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(asSent.reason()).isEqualTo(VerdictReason.MALFORMED);
        assertThat(asSent.detail()).contains("not an XML signature");
        assertThat(inDsigNamespace.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(inDsigNamespace.reason()).as(inDsigNamespace.detail()).isEqualTo(VerdictReason.WEAK_ALGORITHM);
        assertThat(inDsigNamespace.detail()).contains("rsa-sha1");
        VerificationReport placeholderCertificate = verifier.verify(new String(xml, StandardCharsets.UTF_8)
                .replace("<Signature>", "<Signature xmlns=\"" + XMLSignature.XMLNS + "\">")
                .replace("http://www.w3.org/2000/09/xmldsig#rsa-sha1", SignatureMethod.RSA_SHA256)
                .replace("http://www.w3.org/2000/09/xmldsig#sha1", DigestMethod.SHA256)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(placeholderCertificate.reason()).as(placeholderCertificate.detail())
                .isEqualTo(VerdictReason.MALFORMED);
        assertThat(placeholderCertificate.detail()).startsWith("unreadable XML signature");
    }

    @Test
    void fieldStatusMessageWithoutSignatureIsInvalidWithNoSigner() throws Exception {
        Path sample = FIELD_SAMPLES.resolve("status_processing_05.edxml");

        assertThat(verifier.verify(Files.readAllBytes(sample)).reason()).isEqualTo(VerdictReason.NO_SIGNER);
    }

    private static XmlSignatureVerifier verifier() {
        Path home = Path.of("").toAbsolutePath();
        return new XmlSignatureVerifier(
                TrustAnchors.load(home, List.of(SamplePki.DIR.resolve("trust-anchors.pem")), List.of()),
                RevocationLists.configure(home, SamplePki.SAMPLE_CRLS, java.time.Duration.ofHours(1),
                        java.time.Duration.ofSeconds(5), 1 << 20), Optional.empty(), Clock.systemUTC());
    }

    private static void assertInvalid(VerificationReport report, VerdictReason reason) {
        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).as(report.detail()).isEqualTo(reason);
        assertThat(report.signatures()).isNotEmpty();
    }
}
