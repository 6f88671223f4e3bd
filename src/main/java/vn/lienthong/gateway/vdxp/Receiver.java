package vn.lienthong.gateway.vdxp;

/** An organ an updated document goes to, with the sender's receiver type code kept as given (may be null). */
public record Receiver(String organId, String receiverType) {
}
