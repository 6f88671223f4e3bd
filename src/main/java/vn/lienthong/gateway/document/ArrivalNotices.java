package vn.lienthong.gateway.document;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.delivery.DeliveryMetrics;
import vn.lienthong.gateway.delivery.DeliveryQueues;
import vn.lienthong.gateway.messagelog.Channel;
import vn.lienthong.gateway.messagelog.Direction;
import vn.lienthong.gateway.messagelog.MessageState;
import vn.lienthong.gateway.messagelog.MessageIds;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.NewMessage;
import vn.lienthong.gateway.messagelog.PendingMessage;
import vn.lienthong.gateway.messagelog.StoredMessage;
import vn.lienthong.gateway.vdxp.StatusCode;
import vn.lienthong.gateway.vdxp.VdxpMessageType;

/**
 * Sends the status message 01 (arrived) back to the sender of every document taken in from the axis, once per
 * document and recipient organ: stored as an OUTBOUND status message of the recipient organ (the canonical status
 * JSON a local system's status post makes) and queued for the axis like any status message, before the item is
 * confirmed at the axis, so that neither the document nor its notice is lost if the gateway stops in between.
 */
@Component("arrivalNotices")
public class ArrivalNotices {

    /** Exchange property set by {@link #prepare}: whether a notice is to be queued. */
    public static final String DUE = "lienthongArrivalDue";
    /** Who the message store names as the client of the notices: the gateway itself. */
    static final String CLIENT = "gateway";
    static final String DESTINATION = "VDXP";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Logger LOG = LoggerFactory.getLogger(ArrivalNotices.class);

    private final MessageStore store;
    private final SentDocuments sent;
    private final ReceivedDocuments received;
    private final DeliveryMetrics metrics;
    private final ObjectMapper json;
    private final MessageIds messageIds;

    ArrivalNotices(MessageStore store, SentDocuments sent, ReceivedDocuments received, DeliveryMetrics metrics,
                   ObjectMapper json, MessageIds messageIds) {
        this.messageIds = messageIds;
        this.store = store;
        this.sent = sent;
        this.received = received;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * For a document taken in (property {@link VdxpPoll#RECEIPT}) whose notice is not on the queue yet: stores the
     * notice (or finds the one stored but never queued), sets {@link #DUE} and the body and headers the axis queue
     * carries. Otherwise sets {@link #DUE} false.
     */
    public void prepare(Exchange exchange) throws JsonProcessingException {
        Receipt receipt = exchange.getProperty(VdxpPoll.RECEIPT, Receipt.class);
        exchange.setProperty(DUE, false);
        if (receipt == null || receipt.type() != VdxpMessageType.EDOC) {
            return;
        }
        if (receipt.arrivalMessageId() != null) {
            Optional<PendingMessage> notice = store.pending(receipt.arrivalMessageId());
            if (notice.isPresent() && notice.get().state() == MessageState.RECEIVED) {
                StoredMessage stored = store.stored(receipt.arrivalMessageId()).orElseThrow();
                LOG.info("Arrival notice {} for {} was stored but never queued; queueing it now", stored.messageId(),
                        receipt.documentId());
                queue(exchange, stored.messageId(), receipt, stored.payload());
            }
            return;
        }
        String messageId = messageIds.next();
        byte[] notice = json.writeValueAsBytes(notice(receipt));
        store.insertReceived(new NewMessage(messageId, SentDocuments.STATUS_KIND, Direction.OUTBOUND, Channel.VDXP,
                null, receipt.documentId(), receipt.toOrgan(), DESTINATION, CLIENT, null, notice), null, () -> {
                    sent.recordAccepted(messageId, SentDocuments.STATUS_KIND, receipt.documentId(), receipt.toOrgan(),
                            StatusCode.ARRIVED.code(), List.of(receipt.fromOrgan()), List.of());
                    received.arrivalQueued(receipt.receiptKey(), messageId);
                });
        queue(exchange, messageId, receipt, notice);
    }

    /** Marks the notice QUEUED once the queue holds it. */
    public void queued(Exchange exchange) {
        store.markQueued(exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class));
        metrics.accepted(DESTINATION);
    }

    /** The canonical status JSON of the notice: from the recipient organ, 01, at the time the gateway took it in. */
    private ObjectNode notice(Receipt receipt) {
        ObjectNode notice = json.createObjectNode();
        notice.put("documentId", receipt.documentId());
        notice.putObject("from").put("organId", receipt.toOrgan());
        notice.put("statusCode", StatusCode.ARRIVED.code());
        notice.put("description", StatusCode.ARRIVED.vietnamese());
        notice.put("at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                receipt.receivedAt().atZoneSameInstant(VIETNAM).withNano(0)));
        return notice;
    }

    private static void queue(Exchange exchange, String messageId, Receipt receipt, byte[] notice) {
        DeliveryQueues.envelope(exchange.getIn(), new DeliveryQueues.Envelope(messageId, SentDocuments.STATUS_KIND,
                null, receipt.documentId(), receipt.toOrgan(), DESTINATION, CLIENT));
        exchange.getIn().setBody(new String(notice, StandardCharsets.UTF_8));
        exchange.setProperty(DUE, true);
    }
}
