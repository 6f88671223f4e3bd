package vn.lienthong.gateway.delivery;

/** The kinds of message that travel on the delivery queues, as the message store and the queues name them. */
public final class MessageKinds {

    /** An official document (edXML). */
    public static final String DOCUMENT = "DOCUMENT";
    /** A status message about an official document (edXML with {@code StatusCode}). */
    public static final String DOCUMENT_STATUS = "DOCUMENT_STATUS";

    private MessageKinds() {
    }
}
