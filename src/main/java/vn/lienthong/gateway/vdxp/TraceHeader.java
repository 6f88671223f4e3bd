package vn.lienthong.gateway.vdxp;

import java.time.LocalDateTime;

/** One hop of a document: the organ it passed and when, in Viet Nam's local time as edXML writes it. */
public record TraceHeader(String organId, LocalDateTime timestamp) {
}
