package vn.lienthong.gateway.messagelog;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An export archive opened for checking, with its central directory screened before any file is read: no name that
 * could leave a folder (absolute, {@code ..}, back-slashes, drive letters), no name twice, nothing but the files an
 * export has, and no file read beyond the size the caller allows, whatever size it declares (zip bombs).
 */
final class ExportArchive implements AutoCloseable {

    private final Path path;
    private final ZipFile zip;
    private final Map<String, ZipEntry> files;

    private ExportArchive(Path path, ZipFile zip, Map<String, ZipEntry> files) {
        this.path = path;
        this.zip = zip;
        this.files = files;
    }

    /** Opens and screens an archive; a ZIP that cannot be read at all is an {@link IOException}. */
    static ExportArchive open(Path path) throws IOException, OfflineVerifier.Invalid {
        ZipFile zip = new ZipFile(path.toFile());
        try {
            return new ExportArchive(path, zip, screen(zip));
        } catch (OfflineVerifier.Invalid | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static Map<String, ZipEntry> screen(ZipFile zip) throws OfflineVerifier.Invalid {
        if (zip.size() > ExportLayout.MAX_FILES) {
            throw new OfflineVerifier.Invalid("archive: it holds " + zip.size() + " files, more than an export can");
        }
        Map<String, ZipEntry> files = new LinkedHashMap<>(Math.max(16, zip.size() * 2));
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            String name = entry.getName();
            if (name.startsWith("/") || name.contains("\\") || name.contains(":") || name.equals("..")
                    || name.startsWith("../") || name.contains("/../") || name.endsWith("/..")) {
                throw new OfflineVerifier.Invalid("archive: the file name '" + printable(name) + "' points outside "
                        + "the archive's folder (an absolute path or '..'); the archive is refused");
            }
            if (!ExportLayout.isExportFile(name)) {
                throw new OfflineVerifier.Invalid("archive: '" + printable(name) + "' is not a file of an export");
            }
            if (files.put(name, entry) != null) {
                throw new OfflineVerifier.Invalid("archive: the file " + name + " appears twice");
            }
        }
        return files;
    }

    Set<String> names() {
        return Collections.unmodifiableSet(files.keySet());
    }

    boolean has(String name) {
        return files.containsKey(name);
    }

    /** The whole content of a file of at most {@code max} bytes. */
    byte[] read(String name, long max) throws IOException, OfflineVerifier.Invalid {
        try (InputStream in = open(name, max)) {
            return in.readAllBytes();
        } catch (TooLarge e) {
            throw new OfflineVerifier.Invalid("file " + name + ": it is larger than " + max + " bytes");
        }
    }

    /**
     * The content of a file as a stream that fails with {@link TooLarge} past {@code max} bytes; refused at once when
     * the archive declares it larger.
     */
    InputStream open(String name, long max) throws IOException, OfflineVerifier.Invalid {
        ZipEntry entry = files.get(name);
        if (entry == null) {
            throw new OfflineVerifier.Invalid("file " + name + ": it is missing from the archive");
        }
        if (entry.getSize() > max) {
            throw new OfflineVerifier.Invalid("file " + name + ": the archive declares it " + entry.getSize()
                    + " bytes, more than the " + max + " it may have");
        }
        return new Bounded(zip.getInputStream(entry), max);
    }

    /**
     * The same archive opened once more, already screened, for a thread that reads many small files: each opening has
     * a lock of its own.
     */
    ExportArchive reopen() throws IOException {
        return new ExportArchive(path, new ZipFile(path.toFile()), files);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static String printable(String name) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < name.length() && i < 200; i++) {
            char c = name.charAt(i);
            s.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return s.toString();
    }

    /** Thrown when a file holds more bytes than it may. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("more than " + max + " bytes");
        }
    }

    /** Counts the bytes read and fails past the bound, so that a lying size cannot make the reader inflate more. */
    private static final class Bounded extends FilterInputStream {

        private final long max;
        private long count;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw new TooLarge(max);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, max - count + 1));
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw new TooLarge(max);
                }
            }
            return n;
        }
    }
}
