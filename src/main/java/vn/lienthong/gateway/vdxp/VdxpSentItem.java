package vn.lienthong.gateway.vdxp;

/**
 * One (sent item, recipient) pair as the axis reports it ({@code getSentEdocList}): where the item went and whether
 * the recipient took it ({@code receiveStatus}: {@code sent}, {@code received}, {@code done}, {@code fail}).
 */
public record VdxpSentItem(String senderDocId, String receiverDocId, String fromCode, String toCode,
                           VdxpMessageType messageType, String title, String notation, String sentTime,
                           String receivedTime, String sendStatus, String sendStatusDesc, String receiveStatus,
                           String receiveStatusDesc) {
}
