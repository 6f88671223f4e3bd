package vn.lienthong.gateway.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code X-Payload-Signature} of a request as the platform would, with Bouncy Castle and the JDK directly
 * (nothing of the gateway's own verifier): a detached CMS SignedData (base64 of DER) of the exact request body, every
 * signer's SHA-2 signature verifying with the certificate it carries, and that certificate chaining to the
 * simulator's trusted roots; revocation is not checked.
 */
@Component
@Profile("sandbox")
class DvcqgPayloadSignatureCheck {

    static final String HEADER = "X-Payload-Signature";
    static final int MAX_HEADER_CHARS = 64 * 1024;
    static final int MAX_SIGNERS = 4;
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final Set<String> SHA2 = Set.of("2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.2",
            "2.16.840.1.101.3.4.2.3");

    private final Set<TrustAnchor> roots;

    DvcqgPayloadSignatureCheck(DvcqgSimulatorProperties properties, @Value("${lienthong.home}") Path home) {
        this.roots = readRoots(home.resolve(properties.payloadSignatureTrustAnchors()));
    }

    /** The subjects of the signers when the signature is good; otherwise what is wrong with it. */
    Outcome check(String header, byte[] body) {
        if (header.length() > MAX_HEADER_CHARS) {
            return Outcome.bad("is longer than " + MAX_HEADER_CHARS + " characters");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            return Outcome.bad("is not base64");
        }
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(body), der);
        } catch (CMSException | RuntimeException e) {
            return Outcome.bad("is not a CMS SignedData");
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty() || signers.size() > MAX_SIGNERS) {
            return Outcome.bad("has " + signers.size() + " signers, not 1 to " + MAX_SIGNERS);
        }
        List<X509Certificate> carried = certificates(signed);
        List<String> subjects = new ArrayList<>();
        for (SignerInformation signer : signers) {
            Optional<String> problem = checkSigner(signer, signed, carried);
            if (problem.isPresent()) {
                return Outcome.bad(problem.get());
            }
            subjects.add(signerCertificate(signer, signed).getSubject().toString());
        }
        return new Outcome(subjects, null);
    }

    private Optional<String> checkSigner(SignerInformation signer, CMSSignedData signed,
                                         List<X509Certificate> carried) {
        if (!SHA2.contains(signer.getDigestAlgOID())) {
            return Optional.of("uses digest " + signer.getDigestAlgOID() + ", not SHA-256/384/512");
        }
        X509CertificateHolder holder = signerCertificate(signer, signed);
        if (holder == null) {
            return Optional.of("does not carry its signer's certificate");
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder))) {
                return Optional.of("has a signature value that does not verify with the signer's certificate");
            }
        } catch (CMSSignerDigestMismatchException e) {
            return Optional.of("does not match the request body (message digest differs)");
        } catch (CMSVerifierCertificateNotValidException e) {
            return Optional.of("was made when the signer's certificate was not valid");
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            return Optional.of("cannot be checked: " + e.getClass().getSimpleName());
        }
        return chains(holder, carried) ? Optional.empty()
                : Optional.of("is by " + holder.getSubject() + ", whose certificate does not chain to a trusted root");
    }

    private boolean chains(X509CertificateHolder holder, List<X509Certificate> carried) {
        try {
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(roots, target);
            parameters.setRevocationEnabled(false);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static X509CertificateHolder signerCertificate(SignerInformation signer, CMSSignedData signed) {
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(
                (Selector<X509CertificateHolder>) (Selector<?>) signer.getSID());
        return matches.isEmpty() ? null : matches.iterator().next();
    }

    private static List<X509Certificate> certificates(CMSSignedData signed) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
            try {
                certificates.add(converter.getCertificate(holder));
            } catch (GeneralSecurityException e) {
                // a certificate that cannot be read helps no path
            }
        }
        return certificates;
    }

    private static Set<TrustAnchor> readRoots(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                anchors.add(new TrustAnchor((X509Certificate) certificate, null));
            }
            if (anchors.isEmpty()) {
                throw new IllegalStateException("Setting lienthong.simulator.dvcqg.payload-signature-trust-anchors names "
                        + file + ", which holds no certificate");
            }
            return anchors;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Setting lienthong.simulator.dvcqg.payload-signature-trust-anchors names "
                    + file + ", which cannot be read: " + e.getMessage(), e);
        }
    }

    /** The signers' subjects of a good signature, or the problem of a bad one. */
    record Outcome(List<String> signers, String problem) {

        static final Outcome UNSIGNED = new Outcome(List.of(), null);

        static Outcome bad(String problem) {
            return new Outcome(List.of(), HEADER + " " + problem);
        }

        boolean valid() {
            return problem == null;
        }
    }
}
