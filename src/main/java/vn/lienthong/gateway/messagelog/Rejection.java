package vn.lienthong.gateway.messagelog;

/**
 * A refused request as the message log keeps it: by which channel it came, who sent it (if known), from where, why,
 * and a hash of what was sent.
 */
public record Rejection(Channel channel, String clientId, String remoteAddress, String reasonCode, String detail,
                        String payloadSha256) {
}
