package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
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

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Verifies the XML signature of an edXML header with the JDK's XML-DSig under secure validation: one enveloped
 * signature over the whole document, last in edXMLHeader, SHA-256 or stronger, its certificate in KeyInfo chaining
 * to the configured trust anchors at the axis's current time (no revocation check: the axis is a sandbox).
 */
final class EdxmlSignatureCheck {

    private static final Set<String> SIGNATURE_METHODS = Set.of(SignatureMethod.RSA_SHA256,
            SignatureMethod.RSA_SHA384, SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256,
            SignatureMethod.ECDSA_SHA384, SignatureMethod.ECDSA_SHA512);
    private static final Set<String> DIGEST_METHODS = Set.of(DigestMethod.SHA256, DigestMethod.SHA384,
            DigestMethod.SHA512);
    private static final Set<String> CANONICALIZATIONS = Set.of(CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE, "http://www.w3.org/2006/12/xml-c14n11");

    private final Set<TrustAnchor> anchors;
    private final Clock clock;

    private EdxmlSignatureCheck(Set<TrustAnchor> anchors, Clock clock) {
        this.anchors = anchors;
        this.clock = clock;
    }

    /** The outcome: valid with its signer's subject, or the reason it is not. */
    record Outcome(boolean valid, String signer, String problem) {

        static Outcome invalid(String problem) {
            return new Outcome(false, null, problem);
        }
    }

    static EdxmlSignatureCheck load(Path trustAnchors, Clock clock) {
        try (InputStream in = Files.newInputStream(trustAnchors)) {
            Set<TrustAnchor> anchors = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> new TrustAnchor((X509Certificate) c, null))
                    .collect(Collectors.toUnmodifiableSet());
            if (anchors.isEmpty()) {
                throw new IllegalStateException("no certificate in " + trustAnchors.toAbsolutePath()
                        + " (lienthong.simulator.vdxp.trust-anchors)");
            }
            return new EdxmlSignatureCheck(anchors, clock);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the trust anchors " + trustAnchors.toAbsolutePath()
                    + " are not readable PEM certificates (lienthong.simulator.vdxp.trust-anchors)", e);
        }
    }

    Outcome verify(Document document) {
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() == 0) {
            return Outcome.invalid("no ds:Signature in edXMLHeader");
        }
        if (signatures.getLength() > 1) {
            return Outcome.invalid("more than one ds:Signature");
        }
        Element signatureElement = (Element) signatures.item(0);
        if (!isLastChildOfHeader(signatureElement)) {
            return Outcome.invalid("ds:Signature is not the last child of edXML/edXMLEnvelope/edXMLHeader");
        }
        KeyInfoCertificates keys = new KeyInfoCertificates();
        DOMValidateContext context = new DOMValidateContext(keys, signatureElement);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        try {
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            String refused = refusedStructure(signature.getSignedInfo());
            if (refused != null) {
                return Outcome.invalid(refused);
            }
            if (!signature.validate(context)) {
                boolean valueOk = signature.getSignatureValue().validate(context);
                return Outcome.invalid(valueOk ? "the document was changed after it was signed"
                        : "the signature value does not verify with the KeyInfo certificate");
            }
        } catch (MarshalException e) {
            return Outcome.invalid("ds:Signature is malformed");
        } catch (XMLSignatureException e) {
            return Outcome.invalid(keys.problem != null ? keys.problem
                    : "the signature cannot be verified under secure validation");
        }
        return chain(keys.certificates);
    }

    private static boolean isLastChildOfHeader(Element signature) {
        Node parent = signature.getParentNode();
        if (!(parent instanceof Element header) || !EdxmlFacts.NS.equals(header.getNamespaceURI())
                || !"edXMLHeader".equals(header.getLocalName())) {
            return false;
        }
        for (Node n = signature.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return false;
            }
        }
        Node envelope = header.getParentNode();
        return envelope instanceof Element e && "edXMLEnvelope".equals(e.getLocalName())
                && e.getParentNode() == signature.getOwnerDocument().getDocumentElement();
    }

    private static String refusedStructure(SignedInfo signedInfo) {
        if (!SIGNATURE_METHODS.contains(signedInfo.getSignatureMethod().getAlgorithm())) {
            return "signature algorithm refused (RSA or ECDSA with SHA-256 or stronger only)";
        }
        if (!CANONICALIZATIONS.contains(signedInfo.getCanonicalizationMethod().getAlgorithm())) {
            return "canonicalization method refused";
        }
        List<?> references = signedInfo.getReferences();
        if (references.size() != 1 || !"".equals(((Reference) references.get(0)).getURI())) {
            return "exactly one Reference with URI=\"\" (the whole document) is required";
        }
        Reference reference = (Reference) references.get(0);
        if (!DIGEST_METHODS.contains(reference.getDigestMethod().getAlgorithm())) {
            return "digest algorithm refused (SHA-256 or stronger only)";
        }
        boolean enveloped = false;
        for (Object t : reference.getTransforms()) {
            String algorithm = ((Transform) t).getAlgorithm();
            if (Transform.ENVELOPED.equals(algorithm)) {
                enveloped = true;
            } else if (!CANONICALIZATIONS.contains(algorithm)) {
                return "transform refused (enveloped-signature and canonicalization only)";
            }
        }
        return enveloped ? null : "the enveloped-signature transform is missing";
    }

    private Outcome chain(List<X509Certificate> certificates) {
        X509Certificate signer = certificates.get(0);
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(certificates.stream()
                    .filter(c -> anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c)))
                    .toList());
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (GeneralSecurityException e) {
            return Outcome.invalid("the signer certificate does not chain to the trust anchors, or is not valid now"
                    + " (KeyInfo must carry the signer certificate first, then its intermediates)");
        }
        boolean[] usage = signer.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            return Outcome.invalid("the signer certificate is not for digital signatures");
        }
        return new Outcome(true, signer.getSubjectX500Principal().getName(), null);
    }

    /** Picks the signer's key from KeyInfo/X509Data (its first certificate), refusing weak keys and a key of another family. */
    private static final class KeyInfoCertificates extends KeySelector {

        private List<X509Certificate> certificates = List.of();
        private String problem;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            List<X509Certificate> found = new ArrayList<>();
            if (keyInfo != null) {
                for (Object item : keyInfo.getContent()) {
                    if (item instanceof X509Data data) {
                        for (Object entry : data.getContent()) {
                            if (entry instanceof X509Certificate certificate) {
                                found.add(certificate);
                            }
                        }
                    }
                }
            }
            if (found.isEmpty()) {
                throw refuse("KeyInfo/X509Data carries no certificate");
            }
            PublicKey key = found.get(0).getPublicKey();
            String algorithm = method.getAlgorithm();
            boolean rsa = key instanceof RSAPublicKey r && algorithm.contains("rsa") && r.getModulus().bitLength() >= 2048;
            boolean ec = key instanceof ECPublicKey e && algorithm.contains("ecdsa")
                    && e.getParams().getCurve().getField().getFieldSize() >= 256;
            if (!rsa && !ec) {
                throw refuse("the signer key is weaker than RSA 2048 or EC P-256, or does not fit the algorithm");
            }
            certificates = List.copyOf(found);
            return () -> (Key) key;
        }

        private KeySelectorException refuse(String reason) {
            problem = reason;
            return new KeySelectorException(reason);
        }
    }
}
