package vn.lienthong.gateway.vdxp;

/**
 * One item waiting on the axis for one of this system's organs ({@code getReceivedEdocList}): {@code docId} is the
 * receiver doc id that {@code getEdoc} and {@code updateStatus} take.
 */
public record VdxpReceivedItem(String docId, VdxpMessageType messageType, String from, String to, String createdTime,
                               String updatedTime, String status, String statusDesc) {
}
