package vn.lienthong.gateway.vdxp;

import java.time.LocalDate;

/**
 * The document a status message (or a reply) is about: its sender's organ id, its code as written ("7816/VPCP-TTĐT"),
 * its promulgation date and its edXML document id, kept as the sender wrote it so that it matches; the date may be
 * null.
 */
public record ResponseFor(String organId, String code, LocalDate promulgationDate, String documentId) {

    /** The reference to a document built by this gateway or parsed from the axis. */
    public static ResponseFor of(EdocDocument document) {
        return new ResponseFor(document.from().organId(), document.code().toString(), document.promulgation().date(),
                document.documentId().value());
    }
}
