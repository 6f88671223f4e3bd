package vn.lienthong.gateway.signature;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The gateway's algorithm and key policy (DESIGN §9): digests SHA-2 or SHA-3, signatures RSA (PKCS#1 v1.5 or PSS),
 * ECDSA or EdDSA over those digests, never MD5 or SHA-1; RSA keys of at least 2048 bits, EC keys of at least 256.
 */
final class AlgorithmPolicy {

    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 256;

    private static final Set<ASN1ObjectIdentifier> STRONG_DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha224, NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384,
            NISTObjectIdentifiers.id_sha512, NISTObjectIdentifiers.id_sha512_256, NISTObjectIdentifiers.id_sha3_256,
            NISTObjectIdentifiers.id_sha3_384, NISTObjectIdentifiers.id_sha3_512);
    private static final Map<ASN1ObjectIdentifier, String> WEAK_DIGESTS = Map.of(
            PKCSObjectIdentifiers.md2, "MD2", PKCSObjectIdentifiers.md4, "MD4", PKCSObjectIdentifiers.md5, "MD5",
            OIWObjectIdentifiers.idSHA1, "SHA-1");
    private static final Set<ASN1ObjectIdentifier> STRONG_SIGNATURES = Set.of(
            PKCSObjectIdentifiers.sha224WithRSAEncryption, PKCSObjectIdentifiers.sha256WithRSAEncryption,
            PKCSObjectIdentifiers.sha384WithRSAEncryption, PKCSObjectIdentifiers.sha512WithRSAEncryption,
            NISTObjectIdentifiers.id_rsassa_pkcs1_v1_5_with_sha3_256,
            NISTObjectIdentifiers.id_rsassa_pkcs1_v1_5_with_sha3_384,
            NISTObjectIdentifiers.id_rsassa_pkcs1_v1_5_with_sha3_512,
            X9ObjectIdentifiers.ecdsa_with_SHA224, X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA512,
            NISTObjectIdentifiers.id_ecdsa_with_sha3_256, NISTObjectIdentifiers.id_ecdsa_with_sha3_384,
            NISTObjectIdentifiers.id_ecdsa_with_sha3_512,
            EdECObjectIdentifiers.id_Ed25519, EdECObjectIdentifiers.id_Ed448);
    /** In a SignerInfo these name only the key type; the digest algorithm beside them decides. */
    private static final Set<ASN1ObjectIdentifier> KEY_ONLY_SIGNATURES = Set.of(
            PKCSObjectIdentifiers.rsaEncryption, X9ObjectIdentifiers.id_ecPublicKey);
    private static final Map<ASN1ObjectIdentifier, String> WEAK_SIGNATURES = Map.of(
            PKCSObjectIdentifiers.md2WithRSAEncryption, "MD2 with RSA",
            PKCSObjectIdentifiers.md4WithRSAEncryption, "MD4 with RSA",
            PKCSObjectIdentifiers.md5WithRSAEncryption, "MD5 with RSA",
            PKCSObjectIdentifiers.sha1WithRSAEncryption, "SHA-1 with RSA",
            OIWObjectIdentifiers.sha1WithRSA, "SHA-1 with RSA",
            X9ObjectIdentifiers.ecdsa_with_SHA1, "ECDSA with SHA-1",
            X9ObjectIdentifiers.id_dsa_with_sha1, "DSA with SHA-1");

    private AlgorithmPolicy() {
    }

    /** Checks the digest algorithm of a signer. */
    static Optional<Finding> digest(AlgorithmIdentifier digest) {
        ASN1ObjectIdentifier oid = digest.getAlgorithm();
        if (WEAK_DIGESTS.containsKey(oid)) {
            return weak("digest algorithm " + WEAK_DIGESTS.get(oid));
        }
        return STRONG_DIGESTS.contains(oid) ? Optional.empty()
                : Optional.of(Finding.invalid(VerdictReason.UNSUPPORTED_ALGORITHM, "digest algorithm " + oid));
    }

    /** Checks a signature algorithm (of a signer or a certificate), with the hashes inside RSASSA-PSS parameters. */
    static Optional<Finding> signature(AlgorithmIdentifier signature, boolean keyOnlyAllowed) {
        ASN1ObjectIdentifier oid = signature.getAlgorithm();
        if (WEAK_SIGNATURES.containsKey(oid)) {
            return weak("signature algorithm " + WEAK_SIGNATURES.get(oid));
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
            return pss(signature);
        }
        if (STRONG_SIGNATURES.contains(oid) || keyOnlyAllowed && KEY_ONLY_SIGNATURES.contains(oid)) {
            return Optional.empty();
        }
        return Optional.of(Finding.invalid(VerdictReason.UNSUPPORTED_ALGORITHM, "signature algorithm " + oid));
    }

    /** Checks the algorithm a CA signed a certificate with. */
    static Optional<Finding> certificateSignature(X509Certificate certificate) {
        AlgorithmIdentifier id;
        try {
            id = AlgorithmIdentifier.getInstance(org.bouncycastle.asn1.x509.Certificate
                    .getInstance(certificate.getEncoded()).getSignatureAlgorithm());
        } catch (java.security.cert.CertificateEncodingException | IllegalArgumentException e) {
            return Optional.of(Finding.invalid(VerdictReason.MALFORMED, "unreadable certificate of "
                    + certificate.getSubjectX500Principal().getName()));
        }
        return signature(id, false).map(f -> Finding.invalid(f.reason(),
                f.detail() + " in the certificate of " + certificate.getSubjectX500Principal().getName()));
    }

    /** Checks the size and kind of a public key. */
    static Optional<Finding> key(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return bits >= MIN_RSA_BITS ? Optional.empty()
                    : Optional.of(Finding.invalid(VerdictReason.WEAK_KEY, "RSA key of " + bits + " bits (at least "
                    + MIN_RSA_BITS + " required)"));
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            return bits >= MIN_EC_BITS ? Optional.empty()
                    : Optional.of(Finding.invalid(VerdictReason.WEAK_KEY, "EC key of " + bits + " bits (at least "
                    + MIN_EC_BITS + " required)"));
        }
        if ("EdDSA".equals(key.getAlgorithm()) || "Ed25519".equals(key.getAlgorithm())
                || "Ed448".equals(key.getAlgorithm())) {
            return Optional.empty();
        }
        return Optional.of(Finding.invalid(VerdictReason.WEAK_KEY, key.getAlgorithm() + " keys are not accepted"));
    }

    private static Optional<Finding> pss(AlgorithmIdentifier signature) {
        try {
            return pssParameters(RSASSAPSSparams.getInstance(signature.getParameters()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.of(Finding.invalid(VerdictReason.MALFORMED, "unreadable RSASSA-PSS parameters"));
        }
    }

    private static Optional<Finding> pssParameters(RSASSAPSSparams parameters) {
        if (parameters == null) {
            return weak("RSASSA-PSS with its default hash SHA-1");
        }
        Optional<Finding> hash = digest(parameters.getHashAlgorithm());
        if (hash.isPresent()) {
            return hash.map(f -> Finding.invalid(f.reason(), "RSASSA-PSS with " + f.detail()));
        }
        AlgorithmIdentifier mgf = parameters.getMaskGenAlgorithm();
        if (!PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())) {
            return Optional.of(Finding.invalid(VerdictReason.UNSUPPORTED_ALGORITHM,
                    "RSASSA-PSS mask generation " + mgf.getAlgorithm()));
        }
        return digest(AlgorithmIdentifier.getInstance(mgf.getParameters()))
                .map(f -> Finding.invalid(f.reason(), "RSASSA-PSS MGF1 with " + f.detail()));
    }

    private static Optional<Finding> weak(String what) {
        return Optional.of(Finding.invalid(VerdictReason.WEAK_ALGORITHM, what + " is not accepted"));
    }
}
