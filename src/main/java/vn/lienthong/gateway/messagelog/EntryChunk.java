package vn.lienthong.gateway.messagelog;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/** One chunk of whole lines, checked and hashed by a worker: how many lines passed and the first problem. */
final class EntryChunk {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(ExportVerifier::sha256);

    int lines;
    long[] indexes;
    String[] payloads;
    byte[] leaves;
    int errorLine = -1;
    String error;

    static EntryChunk of(byte[] buffer, int length, byte[] nodeId) {
        EntryChunk chunk = new EntryChunk();
        int capacity = Math.max(16, length / 256);
        chunk.indexes = new long[capacity];
        chunk.payloads = new String[capacity];
        chunk.leaves = new byte[capacity * ExportLayout.LEAF_BYTES];
        MessageDigest sha256 = SHA256.get();
        CanonicalEntryLine.Fields fields = new CanonicalEntryLine.Fields();
        int start = 0;
        int i = 0;
        while (start < length) {
            int end = start;
            while (buffer[end] != '\n') {
                end++;
            }
            if (i == chunk.indexes.length) {
                chunk.grow();
            }
            String why = end - start > ExportLayout.MAX_LINE_BYTES
                    ? "its line is longer than " + ExportLayout.MAX_LINE_BYTES + " bytes"
                    : CanonicalEntryLine.check(buffer, start, end - start, nodeId, fields);
            if (why == null && !fields.nodeMatches) {
                why = "it is an entry of another node than the manifest's";
            }
            if (why != null) {
                chunk.errorLine = i;
                chunk.error = why;
                break;
            }
            chunk.indexes[i] = fields.index;
            chunk.payloads[i] = fields.payloadSha256;
            sha256.update((byte) 0);
            sha256.update(buffer, start, end - start);
            try {
                sha256.digest(chunk.leaves, i * ExportLayout.LEAF_BYTES, ExportLayout.LEAF_BYTES);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            i++;
            start = end + 1;
        }
        chunk.lines = i;
        return chunk;
    }

    private void grow() {
        int capacity = indexes.length * 2;
        indexes = Arrays.copyOf(indexes, capacity);
        payloads = Arrays.copyOf(payloads, capacity);
        leaves = Arrays.copyOf(leaves, capacity * ExportLayout.LEAF_BYTES);
    }
}
