package vn.lienthong.gateway.signature;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateRevokedException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds the path from a signer's certificate to a configured trust anchor among the certificates offered, and
 * validates it with PKIX at the validation time, revocation checked by the configured CRLs, or by the configured
 * OCSP responder first with the CRLs as fallback (never a CRL distribution point or OCSP URL taken from a certificate).
 */
final class ChainValidator {

    static final int MAX_PATH_LENGTH = 8;

    private final TrustAnchors trust;
    private final RevocationLists revocation;
    private final Optional<OcspResponder> ocsp;

    ChainValidator(TrustAnchors trust, RevocationLists revocation, Optional<OcspResponder> ocsp) {
        this.trust = trust;
        this.revocation = revocation;
        this.ocsp = ocsp;
    }

    /** The path found (signer first, the anchor last when one was reached) and what is wrong with it, if anything. */
    record Result(List<X509Certificate> path, Optional<Finding> finding) {
    }

    /** The verdict on a signer whose other checks passed: VALID when its path is, with the path in its details. */
    Verdict verdict(X509Certificate signer, List<X509Certificate> offered, SignerDetails details, Instant at) {
        Result chain = validate(signer, offered, at);
        SignerDetails withChain = details.withChain(chain.path().stream()
                .map(c -> c.getSubjectX500Principal().getName()).toList());
        return chain.finding().map(f -> f.toVerdict(withChain, at)).orElseGet(() -> new Verdict.Valid(withChain, at));
    }

    Result validate(X509Certificate signer, List<X509Certificate> offered, Instant at) {
        List<X509Certificate> path = new ArrayList<>(List.of(signer));
        X509Certificate anchor = buildPath(path, offered);
        if (anchor == null) {
            return new Result(path, Optional.of(Finding.invalid(VerdictReason.CHAIN_UNTRUSTED,
                    "no path from " + subject(signer) + " to a trusted root (issuer "
                            + issuer(path.get(path.size() - 1)) + " is not trusted)")));
        }
        Optional<Finding> weak = path.stream().map(AlgorithmPolicy::certificateSignature).flatMap(Optional::stream)
                .findFirst()
                .or(() -> path.stream().skip(1).map(c -> AlgorithmPolicy.key(c.getPublicKey())
                        .map(f -> Finding.invalid(f.reason(), f.detail() + " in the certificate of " + subject(c))))
                        .flatMap(Optional::stream).findFirst());
        List<X509Certificate> withAnchor = new ArrayList<>(path);
        withAnchor.add(anchor);
        if (weak.isPresent()) {
            return new Result(withAnchor, weak);
        }
        return new Result(withAnchor, pkix(path, at));
    }

    /** Extends the path upwards with offered or configured certificates; the anchor that issued its top, or null. */
    private X509Certificate buildPath(List<X509Certificate> path, List<X509Certificate> offered) {
        List<X509Certificate> candidates = new ArrayList<>(offered);
        candidates.addAll(trust.intermediates());
        while (path.size() <= MAX_PATH_LENGTH) {
            X509Certificate top = path.get(path.size() - 1);
            for (X509Certificate root : trust.roots()) {
                if (issued(root, top)) {
                    return root;
                }
            }
            X509Certificate next = candidates.stream()
                    .filter(c -> !path.contains(c) && c.getBasicConstraints() >= 0 && issued(c, top))
                    .findFirst().orElse(null);
            if (next == null) {
                return null;
            }
            path.add(next);
        }
        return null;
    }

    private Optional<Finding> pkix(List<X509Certificate> path, Instant at) {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXParameters parameters = new PKIXParameters(trust.pkixAnchors());
            parameters.setDate(Date.from(at));
            List<X509CRL> crls = revocation.current(at);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            if (ocsp.isPresent()) {
                checker.setOcspResponder(ocsp.get().url());
                checker.setOcspResponderCert(ocsp.get().certificate());
                checker.setOptions(EnumSet.noneOf(PKIXRevocationChecker.Option.class));
            } else {
                checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.NO_FALLBACK));
            }
            parameters.addCertPathChecker(checker);
            validator.validate(certPath, parameters);
            return Optional.empty();
        } catch (CertPathValidatorException e) {
            return Optional.of(explain(e, path));
        } catch (GeneralSecurityException e) {
            return Optional.of(Finding.invalid(VerdictReason.CHAIN_INVALID, "the path cannot be validated: "
                    + e.getClass().getSimpleName()));
        }
    }

    private Finding explain(CertPathValidatorException e, List<X509Certificate> path) {
        String which = e.getIndex() >= 0 && e.getIndex() < path.size() ? subject(path.get(e.getIndex()))
                : "a certificate of the path";
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == CertPathValidatorException.BasicReason.REVOKED) {
            return Finding.invalid(VerdictReason.CERT_REVOKED, revoked(which, e));
        }
        if (reason == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return Finding.undecided(VerdictReason.REVOCATION_UNKNOWN, "no CRL valid now for the issuer of " + which
                    + ocsp.map(o -> " and no usable answer from the OCSP responder").orElse(""));
        }
        if (reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return Finding.invalid(VerdictReason.CERT_EXPIRED, which + " has expired");
        }
        if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return Finding.invalid(VerdictReason.CERT_NOT_YET_VALID, which + " is not valid yet");
        }
        if (reason == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
            return Finding.invalid(VerdictReason.WEAK_ALGORITHM, "an algorithm of " + which + " is not accepted");
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return Finding.invalid(VerdictReason.CHAIN_UNTRUSTED, "the path does not lead to a trusted root");
        }
        return Finding.invalid(VerdictReason.CHAIN_INVALID, which + " breaks a rule of PKIX (" + reason + ")");
    }

    private static String revoked(String which, CertPathValidatorException e) {
        if (e.getCause() instanceof CertificateRevokedException revoked) {
            return which + " was revoked on " + revoked.getRevocationDate().toInstant() + " ("
                    + revoked.getRevocationReason() + ")";
        }
        return which + " is revoked";
    }

    private static boolean issued(X509Certificate issuer, X509Certificate subject) {
        if (!issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
            return false;
        }
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName();
    }
}
