package vn.lienthong.gateway.messagelog;

import java.time.OffsetDateTime;

/** What a client's idempotency key stands for: the hash of the request it came with and the answer it got. */
public record IdempotencyRecord(String clientId, String key, String requestSha256, String messageId, String response,
                                OffsetDateTime expiresAt) {
}
