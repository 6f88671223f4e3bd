package vn.lienthong.gateway.vdxp;

import java.util.List;

/** A document replaced or updated by this one, and the organs that had received it. */
public record Replacement(String documentId, List<String> organIds) {

    public Replacement {
        organIds = organIds == null ? List.of() : List.copyOf(organIds);
    }
}
