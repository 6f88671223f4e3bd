package vn.lienthong.gateway.vdxp;

import java.util.List;

/**
 * For an update: which parts changed ({@code DocumentInfo}), whether the receivers changed
 * ({@code DocumentReceiver}), both as the sender coded them, and the receivers now.
 */
public record BusinessDocumentInfo(String documentInfo, String documentReceiver, List<Receiver> receivers) {

    public BusinessDocumentInfo {
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
    }
}
