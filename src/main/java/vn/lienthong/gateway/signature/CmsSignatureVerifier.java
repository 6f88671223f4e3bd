package vn.lienthong.gateway.signature;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifies CMS signatures, detached ({@code .p7s} with its content) or enveloping ({@code .p7m}), given as DER, PEM or
 * base64: each signer's signature over the content, the algorithm and key policy, the signed attributes, the key
 * usage of its certificate, and its certificate path to the trust anchors with revocation (CRL, OCSP), all at the
 * time of validation (the signer's claimed signing time is reported, never relied on).
 */
public final class CmsSignatureVerifier {

    static final int MAX_SIGNERS = 16;
    static final int MAX_CERTIFICATES = 32;
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final ChainValidator chains;
    private final TrustAnchors trust;
    private final Clock clock;

    public CmsSignatureVerifier(TrustAnchors trust, RevocationLists revocation, Clock clock) {
        this(trust, revocation, Optional.empty(), clock);
    }

    public CmsSignatureVerifier(TrustAnchors trust, RevocationLists revocation, Optional<OcspResponder> ocsp,
                                Clock clock) {
        this.chains = new ChainValidator(trust, revocation, ocsp);
        this.trust = trust;
        this.clock = clock;
    }

    /** The roots this verifier trusts, which also decide whether a timestamping authority is trusted. */
    List<X509Certificate> trustedRoots() {
        return trust.roots();
    }

    /** Verifies a detached signature ({@code .p7s}) over the content given. */
    public VerificationReport verifyDetached(byte[] content, byte[] signature) {
        return verifyDetached(content, signature, clock.instant());
    }

    /** Verifies a detached signature over the content given, as of the validation time given. */
    VerificationReport verifyDetached(byte[] content, byte[] signature, Instant at) {
        Optional<byte[]> encoded = CmsInput.binary(signature);
        if (encoded.isEmpty()) {
            return notCms(at);
        }
        try {
            return verify(new CMSSignedData(new CMSProcessableByteArray(content), encoded.get()), at);
        } catch (CMSException | RuntimeException e) {
            return malformed(at);
        }
    }

    /** Verifies an enveloping signature ({@code .p7m}) over the content it carries. */
    public VerificationReport verifyEnveloping(byte[] signedObject) {
        Instant at = clock.instant();
        Optional<byte[]> encoded = CmsInput.binary(signedObject);
        if (encoded.isEmpty()) {
            return notCms(at);
        }
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(encoded.get());
        } catch (CMSException | RuntimeException e) {
            return malformed(at);
        }
        if (signed.getSignedContent() == null) {
            return VerificationReport.invalidObject(VerdictReason.CONTENT_MISSING,
                    "the signature carries no content: it is detached; send it with its content", at);
        }
        return verify(signed, at);
    }

    private VerificationReport verify(CMSSignedData signed, Instant at) {
        Collection<SignerInformation> signers;
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            signers = signed.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                return VerificationReport.invalidObject(VerdictReason.NO_SIGNER, "the SignedData has no signer", at);
            }
            if (signers.size() > MAX_SIGNERS) {
                return VerificationReport.invalidObject(VerdictReason.MALFORMED,
                        "more than " + MAX_SIGNERS + " signers", at);
            }
            Collection<X509CertificateHolder> holders = signed.getCertificates().getMatches(null);
            if (holders.size() > MAX_CERTIFICATES) {
                return VerificationReport.invalidObject(VerdictReason.MALFORMED,
                        "more than " + MAX_CERTIFICATES + " certificates", at);
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (X509CertificateHolder holder : holders) {
                certificates.add(converter.getCertificate(holder));
            }
        } catch (CertificateException | RuntimeException e) {
            return malformed(at);
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (SignerInformation signer : signers) {
            verdicts.add(verifySigner(signed, signer, certificates, at));
        }
        return VerificationReport.of(verdicts, at);
    }

    private Verdict verifySigner(CMSSignedData signed, SignerInformation signer, List<X509Certificate> certificates,
                                 Instant at) {
        X509Certificate certificate = signerCertificate(signed, signer);
        SignerDetails details = details(certificate, signer);
        if (certificate == null) {
            return new Verdict.Invalid(VerdictReason.SIGNER_CERT_MISSING,
                    "the signer's certificate is not in the signature", details, at);
        }
        Optional<Finding> finding = AlgorithmPolicy.digest(signer.getDigestAlgorithmID())
                .or(() -> AlgorithmPolicy.signature(signer.toASN1Structure().getDigestEncryptionAlgorithm(), true))
                .or(() -> AlgorithmPolicy.key(certificate.getPublicKey()))
                .or(() -> signedAttributes(signer))
                .or(() -> signatureValue(signer, certificate))
                .or(() -> SignerCertificate.keyUsage(certificate));
        if (finding.isPresent()) {
            return finding.get().toVerdict(details, at);
        }
        return chains.verdict(certificate, certificates, details, at);
    }

    /** The certificate the signer identifier names, among those the signature carries; null when none matches. */
    private static X509Certificate signerCertificate(CMSSignedData signed, SignerInformation signer) {
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            return null;
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CertificateException e) {
            return null;
        }
    }

    /** When signed attributes are present, RFC 5652 §5.3 requires content-type and message-digest among them. */
    private static Optional<Finding> signedAttributes(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        if (attributes.get(CMSAttributes.contentType) == null) {
            return Optional.of(Finding.invalid(VerdictReason.MISSING_SIGNED_ATTRIBUTE,
                    "signed attributes without content-type"));
        }
        if (attributes.get(CMSAttributes.messageDigest) == null) {
            return Optional.of(Finding.invalid(VerdictReason.MISSING_SIGNED_ATTRIBUTE,
                    "signed attributes without message-digest"));
        }
        return Optional.empty();
    }

    /** The signature value, with the signer's bare public key: BC's check at the claimed signing time is skipped. */
    private static Optional<Finding> signatureValue(SignerInformation signer, X509Certificate certificate) {
        try {
            boolean verified = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC)
                    .build(certificate.getPublicKey()));
            return verified ? Optional.empty() : Optional.of(Finding.invalid(VerdictReason.SIGNATURE_MISMATCH,
                    "the signature value does not verify with the signer's key"));
        } catch (CMSSignerDigestMismatchException e) {
            return Optional.of(Finding.invalid(VerdictReason.DIGEST_MISMATCH,
                    "the content is not the content that was signed"));
        } catch (OperatorCreationException e) {
            return Optional.of(Finding.invalid(VerdictReason.UNSUPPORTED_ALGORITHM,
                    "no verifier for the signature algorithm"));
        } catch (CMSException | RuntimeException e) {
            return Optional.of(Finding.invalid(VerdictReason.MALFORMED, "the signer information cannot be checked: "
                    + e.getMessage()));
        }
    }

    private static SignerDetails details(X509Certificate certificate, SignerInformation signer) {
        return SignerCertificate.details(certificate, claimedSigningTime(signer), algorithmName(signer));
    }

    private static String algorithmName(SignerInformation signer) {
        try {
            return new DefaultCMSSignatureAlgorithmNameGenerator().getSignatureName(signer.getDigestAlgorithmID(),
                    signer.toASN1Structure().getDigestEncryptionAlgorithm());
        } catch (RuntimeException e) {
            return signer.getEncryptionAlgOID();
        }
    }

    private static Instant claimedSigningTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute time = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (time == null || time.getAttrValues().size() != 1) {
            return null;
        }
        try {
            return Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static VerificationReport notCms(Instant at) {
        return VerificationReport.invalidObject(VerdictReason.MALFORMED,
                "the signature is neither DER, PEM nor base64 of a CMS object", at);
    }

    private static VerificationReport malformed(Instant at) {
        return VerificationReport.invalidObject(VerdictReason.MALFORMED, "not a readable CMS SignedData", at);
    }
}
