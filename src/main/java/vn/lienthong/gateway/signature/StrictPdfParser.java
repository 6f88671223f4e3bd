package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads a PDF, or its first bytes as one revision of it, with PDFBox in strict mode (no repair: the header,
 * cross-reference sections and trailers must be where they say) and within bounds: the cross-reference and object
 * streams it decompresses may make at most {@link #MAX_DECODED_BYTES} in all, reading objects may read at most
 * {@link #READS_PER_BYTE} times the file (objects written inside one another would make it read the file over and
 * over), and an object that cannot be read is remembered; so a hostile document ends as an unreadable one instead of
 * exhausting memory or time, or being read half-way.
 */
final class StrictPdfParser extends PDFParser {

    /** The most that the cross-reference and object streams of one document may decompress to, in all. */
    static final long MAX_DECODED_BYTES = 32L << 20;
    /** How many times over the parser may read the file (each object once is about once; peeking counts twice). */
    static final int READS_PER_BYTE = 16;
    /** New or changed streams are never written here; reading needs no more buffer than this. */
    private static final long STREAM_CACHE_BYTES = 1L << 20;

    private final Map<COSStream, Long> decodedLengths = new IdentityHashMap<>();
    private long decodedBytes;
    private String failure;

    private StrictPdfParser(CountingBuffer bytes) throws IOException {
        super(bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(STREAM_CACHE_BYTES).streamCache);
    }

    /** Reads the first {@code length} bytes of the file as a PDF; the document's objects are read when asked for. */
    static StrictPdfParser open(byte[] file, int length) {
        try {
            return new StrictPdfParser(new CountingBuffer(ByteBuffer.wrap(file, 0, length).slice()));
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }

    /** Parses the header, the cross-reference sections and the trailer; throws when they are not as written. */
    PDDocument document() throws IOException {
        try {
            return parse(false);
        } catch (OverBound e) {
            failure = e.getMessage();
            throw e;
        }
    }

    /**
     * The bound the document went beyond, else why the first object that could not be read could not; null when every
     * object asked for was read.
     */
    String failure() {
        return failure;
    }

    @Override
    public COSBase dereferenceCOSObject(COSObject object) throws IOException {
        try {
            return super.dereferenceCOSObject(object);
        } catch (OverBound e) {
            failure = e.getMessage();
            return COSNull.NULL;
        } catch (IOException | RuntimeException e) {
            if (failure == null) {
                failure = "object " + object.getKey() + " cannot be read";
            }
            return COSNull.NULL;
        }
    }

    @Override
    protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
        COSStream stream = super.parseCOSStream(dictionary);
        if (isDecodedByTheParser(stream)) {
            long length = decodedLength(stream, MAX_DECODED_BYTES - decodedBytes);
            decodedBytes += length;
            decodedLengths.put(stream, length);
        }
        return stream;
    }

    /**
     * PDFBox decompresses an object stream again each time it is asked for an object the stream does not hold: each
     * such time counts again, so that a cross-reference naming many absent objects cannot make it inflate forever.
     */
    @Override
    protected COSBase parseObjectStreamObject(long objectStream, COSObjectKey key) throws IOException {
        if (decodedBytes > MAX_DECODED_BYTES) {
            throw OverBound.decoded();
        }
        COSBase object = super.parseObjectStreamObject(objectStream, key);
        if (object == null && document.getObjectFromPool(new COSObjectKey(objectStream, 0)).getObject()
                instanceof COSStream stream) {
            decodedBytes += decodedLengths.getOrDefault(stream, 0L);
        }
        return object;
    }

    /** Cross-reference streams and object streams are the ones PDFBox decompresses while reading objects. */
    private static boolean isDecodedByTheParser(COSStream stream) {
        COSName type = stream.getCOSName(COSName.TYPE);
        return COSName.XREF.equals(type) || COSName.OBJ_STM.equals(type) || stream.containsKey(COSName.W)
                || (stream.containsKey(COSName.N) && stream.containsKey(COSName.FIRST));
    }

    /** The decoded length of the stream, counted without keeping it; more than {@code allowed} is refused. */
    private static long decodedLength(COSStream stream, long allowed) throws IOException {
        COSBase filters = stream.getFilters();
        if (filters instanceof COSArray array && array.size() == 1) {
            filters = array.getObject(0);
        }
        CountingSink sink = new CountingSink(allowed);
        try (InputStream raw = stream.createRawInputStream()) {
            if (filters == null || (filters instanceof COSArray array && array.size() == 0)) {
                raw.transferTo(sink);
            } else if (COSName.FLATE_DECODE.equals(filters) || COSName.FLATE_DECODE_ABBREVIATION.equals(filters)) {
                FilterFactory.INSTANCE.getFilter(COSName.FLATE_DECODE).decode(raw, sink, stream, 0,
                        DecodeOptions.DEFAULT);
            } else {
                throw new IOException("a cross-reference or object stream is not plain or FlateDecode");
            }
        }
        return sink.count;
    }

    /** Counts what is written to it and refuses more than it allows. */
    private static final class CountingSink extends OutputStream {

        private final long allowed;
        private long count;

        CountingSink(long allowed) {
            this.allowed = allowed;
        }

        @Override
        public void write(int b) throws IOException {
            add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            add(len);
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > allowed) {
                throw OverBound.decoded();
            }
        }
    }

    /** The file in memory, counting what the parser reads of it and refusing more than the bound. */
    private static final class CountingBuffer extends RandomAccessReadBuffer {

        private final long allowed;
        private long read;

        CountingBuffer(ByteBuffer bytes) {
            super(bytes);
            this.allowed = (long) READS_PER_BYTE * bytes.limit() + (1L << 20);
        }

        @Override
        public int read() throws IOException {
            count(1);
            return super.read();
        }

        @Override
        public int read(byte[] b, int offset, int length) throws IOException {
            int n = super.read(b, offset, length);
            count(n);
            return n;
        }

        private void count(int n) throws IOException {
            read += Math.max(n, 0);
            if (read > allowed) {
                throw new OverBound("reading its objects takes more than " + READS_PER_BYTE
                        + " times the length of the file");
            }
        }
    }

    /** The document goes beyond a bound of reading. */
    private static final class OverBound extends IOException {

        OverBound(String message) {
            super(message);
        }

        static OverBound decoded() {
            return new OverBound("the cross-reference and object streams decompress to more than "
                    + (MAX_DECODED_BYTES >> 20) + " MiB");
        }
    }
}
