package vn.lienthong.gateway.vdxp;

/**
 * The kind of a document as its sender coded it: {@code Type}, {@code TypeDetail} and {@code TypeName}. Senders do not
 * agree on the code list (an official letter is 1 for some, 18 for others), so codes and name are kept as given and
 * never translated; {@code typeDetail} and {@code name} may be null.
 */
public record DocumentType(String type, String typeDetail, String name) {
}
