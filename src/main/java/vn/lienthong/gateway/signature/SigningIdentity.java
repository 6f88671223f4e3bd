package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A private key with its certificate chain (signer first), as the gateway signs with it. */
public record SigningIdentity(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningIdentity {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A signing identity needs at least the signer's certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * The certificates a signature carries: the signer's, then its intermediates; a self-signed root is left out, since
     * whoever checks the signature holds it as a trust anchor.
     */
    public List<X509Certificate> certificatesToSend() {
        List<X509Certificate> kept = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            if (kept.isEmpty() || !certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                kept.add(certificate);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * Reads the key entry of a PKCS#12 file: the one named {@code alias}, or the only key entry when alias is null.
     * Fails with a message naming the file when it cannot be read or holds no single key entry.
     */
    public static SigningIdentity fromPkcs12(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String chosen = alias != null ? alias : onlyKeyAlias(store, file);
            if (!store.isKeyEntry(chosen)) {
                throw new IllegalStateException("No key entry named " + chosen + " in " + file);
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : store.getCertificateChain(chosen)) {
                chain.add((X509Certificate) c);
            }
            return new SigningIdentity((PrivateKey) store.getKey(chosen, password), chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the signing key store " + file + ": " + e.getMessage(), e);
        }
    }

    private static String onlyKeyAlias(KeyStore store, Path file) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                keys.add(a);
            }
        }
        if (keys.size() != 1) {
            throw new IllegalStateException(file + " holds " + keys.size() + " key entries; name the one to use");
        }
        return keys.get(0);
    }
}
