package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Answers RFC 3161 timestamp requests as a timestamping authority would, with a key and certificate chain: grants
 * SHA-256 imprints under its one policy (with the certificates when asked), and answers anything else with a
 * rejection that says why. For the sandbox authority; the gateway itself only asks.
 */
public final class TimestampResponder {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeStampResponseGenerator generator;
    private final Clock clock;

    public TimestampResponder(SigningIdentity authority, String policyOid, Clock clock) {
        this.clock = clock;
        try {
            String algorithm = authority.privateKey() instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA";
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BC)
                            .build(algorithm, authority.privateKey(), authority.certificate()),
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build()
                            .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                    org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(policyOid));
            tokens.addCertificates(new JcaCertStore(authority.chain()));
            tokens.setAccuracySeconds(1);
            this.generator = new TimeStampResponseGenerator(tokens, Set.of(TSPAlgorithms.SHA256),
                    Set.of(new ASN1ObjectIdentifier(policyOid)));
        } catch (OperatorCreationException | TSPException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("The timestamping authority cannot sign with its key: " + e.getMessage(), e);
        }
    }

    /** The DER response to a DER request: a granted token, or a rejection (bad data format, algorithm, policy). */
    public byte[] respond(byte[] request) {
        try {
            TimeStampRequest parsed;
            try {
                parsed = new TimeStampRequest(request);
            } catch (IOException | RuntimeException e) {
                return generator.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                        "not a DER TimeStampReq").getEncoded();
            }
            return generator.generate(parsed, new BigInteger(64, RANDOM), Date.from(clock.instant())).getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("The timestamping authority could not answer: " + e.getMessage(), e);
        }
    }
}
