package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The configured roots a signature's path must lead to, and the intermediate certificates offered to build paths. */
public final class TrustAnchors {

    private final List<X509Certificate> roots;
    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> intermediates;

    public TrustAnchors(List<X509Certificate> roots, List<X509Certificate> intermediates) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("At least one trust anchor is needed");
        }
        this.roots = List.copyOf(roots);
        this.intermediates = List.copyOf(intermediates);
        Set<TrustAnchor> set = new LinkedHashSet<>();
        for (X509Certificate root : roots) {
            set.add(new TrustAnchor(root, null));
        }
        this.anchors = Set.copyOf(set);
    }

    /**
     * Reads the PEM files named by the settings {@code lienthong.trust.anchors} and {@code .intermediates}, resolved
     * against {@code home}; fails with a message naming the setting and the file when one is missing or holds no
     * certificate.
     */
    public static TrustAnchors load(Path home, List<Path> anchorFiles, List<Path> intermediateFiles) {
        return new TrustAnchors(read(home, anchorFiles, "lienthong.trust.anchors"),
                read(home, intermediateFiles, "lienthong.trust.intermediates"));
    }

    public List<X509Certificate> roots() {
        return roots;
    }

    Set<TrustAnchor> pkixAnchors() {
        return anchors;
    }

    List<X509Certificate> intermediates() {
        return intermediates;
    }

    private static List<X509Certificate> read(Path home, List<Path> files, String setting) {
        List<X509Certificate> found = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = home.resolve(files.get(i)).normalize();
            String where = "Setting " + setting + "[" + i + "] names " + file;
            try (InputStream in = Files.newInputStream(file)) {
                List<X509Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                        .map(X509Certificate.class::cast).toList();
                if (read.isEmpty()) {
                    throw new IllegalStateException(where + ", which holds no certificate");
                }
                found.addAll(read);
            } catch (IOException e) {
                throw new IllegalStateException(where + ", which cannot be read: " + e.getMessage(), e);
            } catch (CertificateException e) {
                throw new IllegalStateException(where + ", which is not a PEM file of certificates", e);
            }
        }
        return found;
    }
}
