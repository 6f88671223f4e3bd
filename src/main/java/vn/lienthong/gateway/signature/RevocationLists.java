package vn.lienthong.gateway.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured CRLs, kept current: a file is read again when it changes; a URL is fetched when first needed, again
 * after the refresh interval or once its CRL's next update has passed, and a failed fetch keeps the last CRL (whose
 * own validity then decides). Only configured locations are read, never a URL taken from a certificate.
 */
public final class RevocationLists {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationLists.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final List<Source> sources;

    private RevocationLists(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * The sources named by {@code lienthong.trust.crls}: {@code http(s)://} URLs, or files resolved against home and
     * read at once. Fails with a message naming the setting when a file cannot be read or a URL is not http(s).
     */
    public static RevocationLists configure(Path home, List<String> locations, Duration refresh, Duration timeout,
                                            long maxBytes) {
        CrlDownloader downloader = new CrlDownloader(timeout, maxBytes);
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            String location = locations.get(i).strip();
            String setting = "Setting lienthong.trust.crls[" + i + "]";
            if (location.contains("://")) {
                URI url = URI.create(location);
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                    throw new IllegalStateException(setting + " is " + location
                            + ": a CRL URL must be http(s)://host/…");
                }
                sources.add(new UrlSource(url, downloader, refresh));
            } else {
                FileSource file = new FileSource(home.resolve(location).normalize());
                try {
                    file.reload();
                } catch (IOException | CRLException e) {
                    throw new IllegalStateException(setting + " names " + file.file + ", which is not a readable CRL: "
                            + e.getMessage(), e);
                }
                sources.add(file);
            }
        }
        return new RevocationLists(sources);
    }

    /** The CRLs held now, fetching or re-reading those that are due; their validity at a time is judged elsewhere. */
    public List<X509CRL> current(Instant now) {
        List<X509CRL> crls = new ArrayList<>();
        for (Source source : sources) {
            source.current(now).ifPresent(crls::add);
        }
        return crls;
    }

    static X509CRL parse(byte[] encoded) throws CRLException {
        try (InputStream in = new ByteArrayInputStream(encoded)) {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            if (crl == null) {
                throw new CRLException("no CRL found");
            }
            return crl;
        } catch (CertificateException | IOException e) {
            throw new CRLException("cannot read the CRL: " + e.getMessage(), e);
        }
    }

    /** One configured place a CRL comes from. */
    private interface Source {
        Optional<X509CRL> current(Instant now);
    }

    /** A CRL file, read again whenever its modification time changes; an unreadable new version keeps the old one. */
    private static final class FileSource implements Source {
        private final Path file;
        private FileTime readAt;
        private X509CRL crl;

        FileSource(Path file) {
            this.file = file;
        }

        synchronized void reload() throws IOException, CRLException {
            FileTime modified = Files.getLastModifiedTime(file);
            crl = parse(Files.readAllBytes(file));
            readAt = modified;
        }

        @Override
        public synchronized Optional<X509CRL> current(Instant now) {
            try {
                if (!Files.getLastModifiedTime(file).equals(readAt)) {
                    reload();
                    LOG.info("CRL {} read again: issuer {}, next update {}", file,
                            crl.getIssuerX500Principal().getName(), crl.getNextUpdate());
                }
            } catch (IOException | CRLException e) {
                LOG.error("CRL {} cannot be read again ({}); keeping the CRL read before", file, e.getMessage());
            }
            return Optional.ofNullable(crl);
        }
    }

    /** A CRL fetched from a URL and cached. */
    private static final class UrlSource implements Source {
        private final URI url;
        private final CrlDownloader downloader;
        private final Duration refresh;
        private X509CRL crl;
        private Instant fetchedAt;
        private Instant failedAt;

        UrlSource(URI url, CrlDownloader downloader, Duration refresh) {
            this.url = url;
            this.downloader = downloader;
            this.refresh = refresh;
        }

        @Override
        public synchronized Optional<X509CRL> current(Instant now) {
            if (due(now)) {
                try {
                    crl = parse(downloader.download(url));
                    fetchedAt = now;
                    failedAt = null;
                } catch (IOException | CRLException e) {
                    failedAt = now;
                    LOG.warn("CRL {} could not be fetched: {}", url, e.getMessage());
                }
            }
            return Optional.ofNullable(crl);
        }

        private boolean due(Instant now) {
            if (failedAt != null && now.isBefore(failedAt.plus(RETRY_AFTER_FAILURE))) {
                return false;
            }
            return crl == null || !now.isBefore(fetchedAt.plus(refresh))
                    || crl.getNextUpdate() != null && now.isAfter(crl.getNextUpdate().toInstant());
        }
    }
}
