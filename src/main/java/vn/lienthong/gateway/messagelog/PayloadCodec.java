package vn.lienthong.gateway.messagelog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;

/**
 * Stores payloads compressed: gzip when that is smaller, else as received ({@code identity}); and reads them back,
 * refusing to inflate more than the largest payload the gateway accepts (a stored payload that would is a bomb or
 * damage, not a message).
 */
public final class PayloadCodec {

    public static final String IDENTITY = "identity";
    public static final String GZIP = "gzip";
    /** The payload is no longer in the store: the retention job archived it with its entries and purged it. */
    public static final String PURGED = "purged";

    private final long maxPayloadBytes;

    /** @param maxPayloadBytes the largest payload the gateway accepts ({@code lienthong.ingress.max-body-size}) */
    public PayloadCodec(long maxPayloadBytes) {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("the largest payload must be positive, not " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** A payload as it is stored, with the encoding that says how. */
    public record Stored(String encoding, byte[] bytes) {
    }

    /** The payload as it is to be stored: gzip when that saves space, as received otherwise. */
    public Stored encode(byte[] payload) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, payload.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return compressed.size() < payload.length ? new Stored(GZIP, compressed.toByteArray())
                : new Stored(IDENTITY, payload);
    }

    /** The payload as it was received, from its stored bytes and encoding (null: stored before encodings existed). */
    public byte[] decode(String messageId, String encoding, byte[] stored) {
        if (encoding == null || IDENTITY.equals(encoding)) {
            return stored;
        }
        if (PURGED.equals(encoding)) {
            throw new GatewayException(ErrorCode.PAYLOAD_ARCHIVED, "The payload of message " + messageId
                    + " was archived with its message-log entries and purged from the store (see log_archive).");
        }
        if (!GZIP.equals(encoding)) {
            throw unreadable(messageId, "its encoding '" + encoding + "' is unknown");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            byte[] payload = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxPayloadBytes + 1));
            if (payload.length > maxPayloadBytes) {
                throw unreadable(messageId, "it inflates to more than " + maxPayloadBytes + " bytes, the largest "
                        + "payload accepted");
            }
            return payload;
        } catch (IOException e) {
            throw unreadable(messageId, "it is not valid gzip (" + e.getMessage() + ")");
        }
    }

    private static GatewayException unreadable(String messageId, String why) {
        return new GatewayException(ErrorCode.PAYLOAD_UNREADABLE,
                "The stored payload of message " + messageId + " cannot be read: " + why);
    }
}
