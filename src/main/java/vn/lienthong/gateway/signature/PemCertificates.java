package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads X.509 certificates from PEM (or DER) files, such as the trust anchors named in the settings. */
public final class PemCertificates {

    private PemCertificates() {
    }

    /** Every certificate of the files, in order; fails with a message naming the file that cannot be read or holds none. */
    public static List<X509Certificate> read(List<Path> files) {
        List<X509Certificate> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(read(file));
        }
        return all;
    }

    /** Every certificate of one file; fails with a message naming it when it cannot be read or holds none. */
    public static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> found = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                found.add((X509Certificate) c);
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("No certificate in " + file);
            }
            return found;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("Cannot read the certificates of " + file + ": " + e.getMessage(), e);
        }
    }
}
