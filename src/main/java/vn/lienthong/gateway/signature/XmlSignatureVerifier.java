package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Verifies enveloped XML signatures such as the one in an edXML header: the JDK's XML-DSig with secure validation,
 * references only to the whole document (by {@code URI=""} or by the unique id of the document element, so the
 * element the business code reads is the element that was signed), only the enveloped-signature and
 * canonicalization transforms, the algorithm and key policy, then the signer's key usage and its certificate path
 * to the trust anchors with revocation, at the time of validation.
 */
public final class XmlSignatureVerifier {

    static final int MAX_SIGNATURES = 16;
    static final int MAX_TRANSFORMS = 4;
    private static final String SECURE_VALIDATION = "org.jcp.xml.dsig.secureValidation";
    private static final Set<String> ID_ATTRIBUTES = Set.of("Id", "ID", "id");
    private static final Set<String> CANONICALIZATIONS = Set.of(CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS, "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments");
    private static final Map<String, String> STRONG_SIGNATURES = Map.of(
            SignatureMethod.RSA_SHA256, "SHA256withRSA", SignatureMethod.RSA_SHA384, "SHA384withRSA",
            SignatureMethod.RSA_SHA512, "SHA512withRSA", SignatureMethod.ECDSA_SHA256, "SHA256withECDSA",
            SignatureMethod.ECDSA_SHA384, "SHA384withECDSA", SignatureMethod.ECDSA_SHA512, "SHA512withECDSA",
            "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", "SHA256withRSAandMGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1", "SHA512withRSAandMGF1");
    private static final Set<String> WEAK_SIGNATURES = Set.of(SignatureMethod.RSA_SHA1, SignatureMethod.DSA_SHA1,
            SignatureMethod.ECDSA_SHA1, "http://www.w3.org/2001/04/xmldsig-more#rsa-md5",
            "http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1");
    private static final Set<String> STRONG_DIGESTS = Set.of("http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "http://www.w3.org/2001/04/xmlenc#sha512");
    private static final Set<String> WEAK_DIGESTS = Set.of("http://www.w3.org/2000/09/xmldsig#sha1",
            "http://www.w3.org/2001/04/xmldsig-more#md5");

    private final ChainValidator chains;
    private final Clock clock;

    public XmlSignatureVerifier(TrustAnchors trust, RevocationLists revocation, Optional<OcspResponder> ocsp,
                                Clock clock) {
        this.chains = new ChainValidator(trust, revocation, ocsp);
        this.clock = clock;
    }

    /** Verifies every XML signature of the document. */
    public VerificationReport verify(byte[] xml) {
        Instant at = clock.instant();
        Document document;
        try {
            document = SafeXml.parse(xml);
        } catch (SAXException | IOException | RuntimeException e) {
            return VerificationReport.invalidObject(VerdictReason.MALFORMED,
                    "not well-formed XML, or XML with a DOCTYPE, or nested deeper than " + SafeXml.MAX_ELEMENT_DEPTH
                            + " elements", at);
        }
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() == 0) {
            NodeList lookalikes = document.getElementsByTagNameNS("*", "Signature");
            return lookalikes.getLength() == 0
                    ? VerificationReport.invalidObject(VerdictReason.NO_SIGNER, "the document has no XML signature", at)
                    : VerificationReport.invalidObject(VerdictReason.MALFORMED, "the Signature element is in namespace "
                    + lookalikes.item(0).getNamespaceURI() + ", not in " + XMLSignature.XMLNS
                    + ": it is not an XML signature", at);
        }
        if (signatures.getLength() > MAX_SIGNATURES) {
            return VerificationReport.invalidObject(VerdictReason.MALFORMED,
                    "more than " + MAX_SIGNATURES + " signatures", at);
        }
        Map<String, List<Element>> ids = ids(document);
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < signatures.getLength(); i++) {
            verdicts.add(verifyOne((Element) signatures.item(i), document, ids, at));
        }
        return VerificationReport.of(verdicts, at);
    }

    private Verdict verifyOne(Element element, Document document, Map<String, List<Element>> ids, Instant at) {
        SignerKey signerKey = new SignerKey();
        DOMValidateContext context = new DOMValidateContext(signerKey, element);
        context.setProperty(SECURE_VALIDATION, Boolean.TRUE);
        ids.forEach((id, elements) -> elements.forEach(e -> context.setIdAttributeNS(e, null, idAttribute(e, id))));
        Optional<Finding> weak = weakAlgorithm(element);
        if (weak.isPresent()) {
            return weak.get().toVerdict(SignerCertificate.details(null, null, null), at);
        }
        XMLSignature signature;
        try {
            signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        } catch (MarshalException | RuntimeException e) {
            return new Verdict.Invalid(VerdictReason.MALFORMED, "unreadable XML signature: " + e.getMessage(),
                    SignerCertificate.details(null, null, null), at);
        }
        SignedInfo signedInfo = signature.getSignedInfo();
        String method = signedInfo.getSignatureMethod().getAlgorithm();
        List<X509Certificate> certificates = certificates(signature.getKeyInfo());
        X509Certificate certificate = signer(certificates);
        SignerDetails details = SignerCertificate.details(certificate, null,
                STRONG_SIGNATURES.getOrDefault(method, method));
        Optional<Finding> finding = algorithms(signedInfo).or(() -> coverage(signedInfo, document, ids));
        if (finding.isEmpty() && certificate == null) {
            finding = Optional.of(Finding.invalid(VerdictReason.SIGNER_CERT_MISSING,
                    "the signature's KeyInfo carries no signer certificate"));
        }
        if (finding.isPresent()) {
            return finding.get().toVerdict(details, at);
        }
        signerKey.certificate = certificate;
        finding = AlgorithmPolicy.key(certificate.getPublicKey())
                .or(() -> signatureValue(signature, context))
                .or(() -> SignerCertificate.keyUsage(certificate));
        if (finding.isPresent()) {
            return finding.get().toVerdict(details, at);
        }
        return chains.verdict(certificate, certificates, details, at);
    }

    /** MD5 or SHA-1 named in the signature, found before secure validation refuses to read it at all. */
    private static Optional<Finding> weakAlgorithm(Element signature) {
        for (String name : List.of("SignatureMethod", "DigestMethod")) {
            NodeList methods = signature.getElementsByTagNameNS(XMLSignature.XMLNS, name);
            for (int i = 0; i < methods.getLength(); i++) {
                String algorithm = ((Element) methods.item(i)).getAttribute("Algorithm");
                if (WEAK_SIGNATURES.contains(algorithm) || WEAK_DIGESTS.contains(algorithm)) {
                    return Optional.of(Finding.invalid(VerdictReason.WEAK_ALGORITHM, name + " " + algorithm
                            + " is not accepted"));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> algorithms(SignedInfo signedInfo) {
        String c14n = signedInfo.getCanonicalizationMethod().getAlgorithm();
        if (!CANONICALIZATIONS.contains(c14n)) {
            return unsupported("canonicalization " + c14n);
        }
        String method = signedInfo.getSignatureMethod().getAlgorithm();
        if (WEAK_SIGNATURES.contains(method)) {
            return Optional.of(Finding.invalid(VerdictReason.WEAK_ALGORITHM, "signature method " + method
                    + " is not accepted"));
        }
        if (!STRONG_SIGNATURES.containsKey(method)) {
            return unsupported("signature method " + method);
        }
        for (Object item : signedInfo.getReferences()) {
            Reference reference = (Reference) item;
            String digest = reference.getDigestMethod().getAlgorithm();
            if (WEAK_DIGESTS.contains(digest)) {
                return Optional.of(Finding.invalid(VerdictReason.WEAK_ALGORITHM, "digest method " + digest
                        + " is not accepted"));
            }
            if (!STRONG_DIGESTS.contains(digest)) {
                return unsupported("digest method " + digest);
            }
            if (reference.getTransforms().size() > MAX_TRANSFORMS) {
                return unsupported("more than " + MAX_TRANSFORMS + " transforms");
            }
            for (Object t : reference.getTransforms()) {
                String transform = ((Transform) t).getAlgorithm();
                if (!transform.equals(Transform.ENVELOPED) && !CANONICALIZATIONS.contains(transform)) {
                    return unsupported("transform " + transform);
                }
            }
        }
        return Optional.empty();
    }

    /** Every reference must be to the document as a whole: what the business code reads is what was signed. */
    private static Optional<Finding> coverage(SignedInfo signedInfo, Document document,
                                              Map<String, List<Element>> ids) {
        if (signedInfo.getReferences().isEmpty()) {
            return Optional.of(Finding.invalid(VerdictReason.SIGNED_ELEMENT_MISMATCH,
                    "the signature has no reference"));
        }
        for (Object item : signedInfo.getReferences()) {
            String uri = ((Reference) item).getURI();
            if (uri == null || uri.isEmpty()) {
                if (uri == null) {
                    return Optional.of(Finding.invalid(VerdictReason.SIGNED_ELEMENT_MISMATCH,
                            "a reference without URI names something outside the document"));
                }
                continue;
            }
            if (!uri.startsWith("#") || uri.startsWith("#xpointer(")) {
                return Optional.of(Finding.invalid(VerdictReason.SIGNED_ELEMENT_MISMATCH,
                        "a reference is not to this document: " + abbreviate(uri)));
            }
            List<Element> targets = ids.getOrDefault(uri.substring(1), List.of());
            if (targets.size() != 1) {
                return Optional.of(Finding.invalid(VerdictReason.SIGNED_ELEMENT_MISMATCH, targets.size()
                        + " elements carry the id the signature references (" + abbreviate(uri) + ")"));
            }
            if (targets.get(0) != document.getDocumentElement()) {
                return Optional.of(Finding.invalid(VerdictReason.SIGNED_ELEMENT_MISMATCH, "the signature covers the "
                        + targets.get(0).getLocalName() + " element " + abbreviate(uri) + ", not the document element "
                        + document.getDocumentElement().getLocalName()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> signatureValue(XMLSignature signature, DOMValidateContext context) {
        try {
            if (signature.validate(context)) {
                return Optional.empty();
            }
            if (!signature.getSignatureValue().validate(context)) {
                return Optional.of(Finding.invalid(VerdictReason.SIGNATURE_MISMATCH,
                        "the signature value does not verify with the signer's key"));
            }
            return Optional.of(Finding.invalid(VerdictReason.DIGEST_MISMATCH,
                    "the document is not the document that was signed (a reference digest differs)"));
        } catch (XMLSignatureException | RuntimeException e) {
            return Optional.of(Finding.invalid(VerdictReason.MALFORMED, "the XML signature cannot be checked: "
                    + e.getMessage()));
        }
    }

    private static List<X509Certificate> certificates(KeyInfo keyInfo) {
        List<X509Certificate> found = new ArrayList<>();
        if (keyInfo == null) {
            return found;
        }
        for (Object content : keyInfo.getContent()) {
            if (content instanceof X509Data data) {
                for (Object item : data.getContent()) {
                    if (item instanceof X509Certificate certificate
                            && found.size() < CmsSignatureVerifier.MAX_CERTIFICATES) {
                        found.add(certificate);
                    }
                }
            }
        }
        return found;
    }

    /** The end-entity certificate among those given (the first, when the KeyInfo lists more than one). */
    private static X509Certificate signer(List<X509Certificate> certificates) {
        return certificates.stream().filter(c -> c.getBasicConstraints() < 0).findFirst().orElse(null);
    }

    /** Every element carrying an {@code Id}, {@code ID} or {@code id} attribute, by its value. */
    private static Map<String, List<Element>> ids(Document document) {
        Map<String, List<Element>> ids = new HashMap<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Attr attribute = (Attr) attributes.item(a);
                if (attribute.getNamespaceURI() == null && ID_ATTRIBUTES.contains(attribute.getLocalName())) {
                    ids.computeIfAbsent(attribute.getValue(), k -> new ArrayList<>()).add(element);
                }
            }
        }
        return ids;
    }

    private static String idAttribute(Element element, String value) {
        return ID_ATTRIBUTES.stream().filter(name -> value.equals(element.getAttribute(name))).findFirst()
                .orElseThrow();
    }

    private static Optional<Finding> unsupported(String what) {
        return Optional.of(Finding.invalid(VerdictReason.UNSUPPORTED_ALGORITHM, what + " is not accepted"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** Gives the validator the chosen signer certificate's public key, and nothing else. */
    private static final class SignerKey extends KeySelector {
        private X509Certificate certificate;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            if (certificate == null) {
                throw new KeySelectorException("no signer certificate");
            }
            Key key = certificate.getPublicKey();
            return () -> key;
        }
    }
}
