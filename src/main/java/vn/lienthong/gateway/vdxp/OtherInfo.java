package vn.lienthong.gateway.vdxp;

import java.util.List;

/**
 * The {@code OtherInfo} of an edXML document: priority (0 normal to 4), sphere of promulgation, typist's notation,
 * number of copies and of pages, direction, and the names of its appendixes. Every field may be null; the list is
 * never null.
 */
public record OtherInfo(Integer priority, String sphereOfPromulgation, String typerNotation, Integer promulgationAmount,
                        Integer pageAmount, Boolean direction, List<String> appendixes) {

    public OtherInfo {
        appendixes = appendixes == null ? List.of() : List.copyOf(appendixes);
    }

    /** Other information carrying a priority only. */
    public static OtherInfo ofPriority(int priority) {
        return new OtherInfo(priority, null, null, null, null, null, List.of());
    }
}
