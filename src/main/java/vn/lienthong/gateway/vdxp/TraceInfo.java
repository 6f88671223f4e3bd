package vn.lienthong.gateway.vdxp;

import java.util.List;

/** The {@code TraceHeaderList} of a document: the hops it made and its business part (null when absent). */
public record TraceInfo(List<TraceHeader> headers, Business business) {

    public TraceInfo {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }
}
