package vn.lienthong.gateway.vdxp;

/** The names edXML (QCVN 102:2016) is written with. */
public final class Edxml {

    /** The namespace of every edXML element. */
    public static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    /** The prefix the gateway writes it with, as senders in the field do. */
    public static final String PREFIX = "edXML";
    /** The namespace of the XML signature that may end {@code edXMLHeader}. */
    public static final String XMLDSIG_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";
    /** Where the schema lies under {@code lienthong.schemas-dir}. */
    public static final String SCHEMA = "edxml/edxml.xsd";
    /** The version of the manifest the gateway writes. */
    public static final String MANIFEST_VERSION = "1.0";

    private Edxml() {
    }

    /**
     * Whether an element is one of a list under its parent ({@code To}, {@code Place} of {@code ToPlaces},
     * {@code Attachment}, ...): error paths always give such an element its position, {@code To[1]}.
     */
    static boolean isListItem(String parent, String child) {
        return switch (parent) {
            case "MessageHeader" -> "To".equals(child);
            case "ToPlaces" -> "Place".equals(child);
            case "Appendixes" -> "Appendix".equals(child);
            case "TraceHeaderList" -> "TraceHeader".equals(child);
            case "ReceiverList" -> "Receiver".equals(child);
            case "ReplacementInfoList" -> "ReplacementInfo".equals(child);
            case "OrganIdList" -> "OrganId".equals(child);
            case "edXMLManifest" -> "Reference".equals(child);
            case "AttachmentEncoded" -> "Attachment".equals(child);
            default -> false;
        };
    }
}
