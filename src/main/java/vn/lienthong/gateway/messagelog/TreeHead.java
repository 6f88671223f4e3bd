package vn.lienthong.gateway.messagelog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The head of one node's message-log tree at a checkpoint: node id, tree size, root hash and time. Its canonical
 * form, the bytes a checkpoint signs, is one line of ASCII JSON with exactly these keys in this order and no
 * white space: {@code {"nodeId":"…","size":N,"root":"<64 lower-case hex>","time":"yyyy-MM-ddTHH:mm:ss.SSSZ"}}
 * (UTC, always three fraction digits).
 */
public record TreeHead(String nodeId, long size, byte[] root, Instant time) {

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public TreeHead {
        if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("A node id is 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        if (size < 0) {
            throw new IllegalArgumentException("A tree size cannot be negative");
        }
        if (root == null || root.length != 32) {
            throw new IllegalArgumentException("A tree root is a 32-byte SHA-256 hash");
        }
        root = root.clone();
        time = time.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The bytes a checkpoint signature covers. */
    public byte[] canonicalBytes() {
        return ("{\"nodeId\":\"" + nodeId + "\",\"size\":" + size + ",\"root\":\"" + HexFormat.of().formatHex(root)
                + "\",\"time\":\"" + TIME.format(time) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeHead h && nodeId.equals(h.nodeId) && size == h.size
                && Arrays.equals(root, h.root) && time.equals(h.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, size, Arrays.hashCode(root), time);
    }

    @Override
    public String toString() {
        return new String(canonicalBytes(), StandardCharsets.US_ASCII);
    }
}
