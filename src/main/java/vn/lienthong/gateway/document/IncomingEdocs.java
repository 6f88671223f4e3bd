package vn.lienthong.gateway.document;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.delivery.DeliveryMetrics;
import vn.lienthong.gateway.delivery.DeliveryQueues;
import vn.lienthong.gateway.delivery.MessageKinds;
import vn.lienthong.gateway.messagelog.Channel;
import vn.lienthong.gateway.messagelog.Direction;
import vn.lienthong.gateway.messagelog.MessageIds;
import vn.lienthong.gateway.messagelog.MessageState;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.NewMessage;
import vn.lienthong.gateway.messagelog.PendingMessage;
import vn.lienthong.gateway.signature.XmlSignatureVerifier;
import vn.lienthong.gateway.vdxp.DocumentId;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdocRules;
import vn.lienthong.gateway.vdxp.EdocStatus;
import vn.lienthong.gateway.vdxp.EdocViolation;
import vn.lienthong.gateway.vdxp.EdxmlMessage;
import vn.lienthong.gateway.vdxp.EdxmlParser;
import vn.lienthong.gateway.vdxp.ResponseFor;
import vn.lienthong.gateway.vdxp.VdxpMessageType;
import vn.lienthong.gateway.vdxp.VdxpReceivedItem;

/**
 * Takes in one item fetched from the axis for an organ of this gateway: reads the edXML (hardened parser), checks that
 * it is what the axis said it is and addressed to that organ, applies the rules, verifies its XML signature, and then
 * either refuses it (REJECTED in the message log, never passed on) or stores it as an INBOUND message for the organ's
 * local system, once per item whatever how often the axis lists it, and prepares it for the durable queue.
 */
@Component("incomingEdocs")
public class IncomingEdocs {

    /** Exchange property set by {@link #take}: {@code QUEUE}, {@code KNOWN} (queued before) or {@code REFUSED}. */
    public static final String DECISION = "lienthongIntake";
    /** Rules whose breach does not refuse an incoming document: the trace is not passed on. */
    private static final Set<String> TOLERATED_RULES = Set.of("TRACE_INCOMPLETE");
    private static final Logger LOG = LoggerFactory.getLogger(IncomingEdocs.class);

    private final EdxmlParser parser;
    private final EdocRules rules;
    private final XmlSignatureVerifier verifier;
    private final MessageStore store;
    private final ReceivedDocuments received;
    private final SentDocuments sent;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final MessageIds messageIds;
    private final IncomingAttachmentSignatures attachmentSignatures;

    IncomingEdocs(EdxmlParser parser, EdocRules rules, XmlSignatureVerifier verifier, MessageStore store,
                  ReceivedDocuments received, SentDocuments sent, DeliveryMetrics metrics, Clock clock,
                  MessageIds messageIds, IncomingAttachmentSignatures attachmentSignatures) {
        this.messageIds = messageIds;
        this.attachmentSignatures = attachmentSignatures;
        this.parser = parser;
        this.rules = rules;
        this.verifier = verifier;
        this.store = store;
        this.received = received;
        this.sent = sent;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Takes in the fetched edXML (the body) of the axis item (property {@link VdxpPoll#ITEM}); sets
     * {@link #DECISION}, and for {@code QUEUE} the headers and body the queue carries.
     */
    public void take(Exchange exchange) {
        VdxpReceivedItem item = exchange.getProperty(VdxpPoll.ITEM, VdxpReceivedItem.class);
        byte[] edxml = exchange.getIn().getBody(byte[].class);
        Intake intake = take(item, edxml);
        exchange.setProperty(DECISION, intake.decision().name());
        exchange.setProperty(VdxpPoll.RECEIPT, intake.receipt());
        if (intake.decision() == Decision.QUEUE) {
            Receipt r = intake.receipt();
            DeliveryQueues.envelope(exchange.getIn(), new DeliveryQueues.Envelope(r.messageId(), kindOf(r.type()),
                    null, r.documentId(), r.toOrgan(), DeliveryQueues.LOCAL, sender(r.fromOrgan())));
            exchange.getIn().setBody(edxml);
        }
    }

    /** Marks the message QUEUED once the queue holds it. */
    public void queued(Exchange exchange) {
        store.markQueued(exchange.getIn().getHeader(ExchangeKeys.MESSAGE_ID, String.class));
        metrics.accepted(DeliveryQueues.LOCAL);
    }

    Intake take(VdxpReceivedItem item, byte[] edxml) {
        String sha = Sha256.hex(edxml);
        EdxmlMessage message;
        try {
            message = parser.parse(edxml);
        } catch (GatewayException e) {
            return refuse(item, null, e.code().name(), describe(e), sha);
        }
        String documentId = documentIdOf(message);
        Optional<String> problem = addressing(item, message);
        if (problem.isPresent()) {
            return refuse(item, documentId, "EDXML_NOT_AS_LISTED", problem.get(), sha);
        }
        List<EdocViolation> broken = (message instanceof EdocDocument d ? rules.check(d)
                : rules.check((EdocStatus) message)).stream()
                .filter(v -> !TOLERATED_RULES.contains(v.code())).toList();
        if (!broken.isEmpty()) {
            return refuse(item, documentId, "DOCUMENT_INVALID", broken.stream()
                    .map(v -> v.code() + " at " + v.edxmlPath()).collect(Collectors.joining("; ")), sha);
        }
        if (documentId.length() > DocumentId.MAX_LENGTH) {
            return refuse(item, documentId.substring(0, DocumentId.MAX_LENGTH), "DOCUMENT_ID_TOO_LONG",
                    "the DocumentId is longer than " + DocumentId.MAX_LENGTH + " characters", sha);
        }
        var report = verifier.verify(edxml);
        ReceiptVerdict verdict = ReceiptVerdict.of(report);
        if (verdict.invalid()) {
            return refuse(item, documentId, "SIGNATURE_INVALID", verdict.describe(report.detail()), sha);
        }
        String key = message instanceof EdocDocument d ? ReceiptKey.of(item.to(), d)
                : ReceiptKey.of(item.to(), (EdocStatus) message);
        Optional<Receipt> known = received.byKey(key);
        if (known.isPresent()) {
            return again(known.get());
        }
        List<SentDocuments.AttachmentVerdict> attachmentVerdicts = message instanceof EdocDocument d
                ? attachmentSignatures.verify(d, sender(message.from().organId())) : List.of();
        Receipt receipt = new Receipt(key, item.messageType(), item.to(), message.from().organId(), documentId,
                message instanceof EdocStatus s ? s.statusCode().code() : null, item.docId(),
                messageIds.next(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                verdict, null);
        try {
            store.insertReceivedInbound(new NewMessage(receipt.messageId(), kindOf(receipt.type()), Direction.INBOUND,
                            Channel.VDXP, null, documentId, item.to(), DeliveryQueues.LOCAL,
                            sender(receipt.fromOrgan()), null, edxml),
                    verdict.verdict(), verdict.describe(report.detail()) + "; axis item " + item.docId(),
                    () -> {
                        received.insert(receipt);
                        attachmentSignatures.record(receipt.messageId(), attachmentVerdicts);
                        if (message instanceof EdocStatus status) {
                            recordStatusOfSentDocument(status, receipt);
                        }
                    });
        } catch (DuplicateKeyException takenMeanwhile) {
            return again(received.byKey(key).orElseThrow(() -> takenMeanwhile));
        }
        LOG.info("Took in {} {} from {} for {} (axis item {}), signature {}: message {}", item.messageType().header(),
                documentId, receipt.fromOrgan(), item.to(), item.docId(), verdict.verdict(), receipt.messageId());
        return new Intake(Decision.QUEUE, receipt);
    }

    /** Notes a recipient's status on the document this gateway sent, when it sent it (else it is only passed on). */
    private void recordStatusOfSentDocument(EdocStatus status, Receipt receipt) {
        boolean known = sent.recordRecipientStatus(status.responseFor().documentId(), status.responseFor().organId(),
                status.from().organId(), new SentDocuments.StatusReport(status.statusCode().code(),
                        IncomingJson.vietnamTime(status.timestamp()), status.description(), status.staff(),
                        receipt.receivedAt()), receipt.messageId());
        if (!known) {
            LOG.info("Status {} from {} is about document {}, which this gateway did not send to it; passed on only",
                    status.statusCode().code(), status.from().organId(), status.responseFor().documentId());
        }
    }

    /** An item taken in before: queued again only if the queue never confirmed it (the gateway died before). */
    private Intake again(Receipt receipt) {
        Optional<PendingMessage> message = store.pending(receipt.messageId());
        if (message.isPresent() && message.get().state() == MessageState.RECEIVED) {
            LOG.info("Axis item for message {} was taken in but never queued; queueing it now", receipt.messageId());
            return new Intake(Decision.QUEUE, receipt);
        }
        LOG.debug("Axis item for message {} was taken in before; confirming it again", receipt.messageId());
        return new Intake(Decision.KNOWN, receipt);
    }

    private Intake refuse(VdxpReceivedItem item, String documentId, String code, String why, String sha) {
        store.recordInboundRejection(Channel.VDXP, sender(item.from()), documentId, code,
                "axis item " + item.docId() + " for " + item.to() + ": " + why, sha);
        LOG.warn("Refused axis item {} for {} from {}: {} ({})", item.docId(), item.to(), item.from(), code, why);
        return new Intake(Decision.REFUSED, null);
    }

    /** Why the edXML is not what the axis listed, if it is not: its kind, its sender, its addressee. */
    private static Optional<String> addressing(VdxpReceivedItem item, EdxmlMessage message) {
        boolean document = message instanceof EdocDocument;
        if (document != (item.messageType() == VdxpMessageType.EDOC)) {
            return Optional.of("listed as " + item.messageType().header() + " but the edXML is a "
                    + (document ? "document" : "status message"));
        }
        if (item.from() != null && !item.from().equals(message.from().organId())) {
            return Optional.of("listed as sent by " + item.from() + " but From/OrganId names another organ");
        }
        boolean addressed = message instanceof EdocDocument d
                ? d.to().stream().anyMatch(to -> item.to().equals(to.organId()))
                : item.to().equals(((EdocStatus) message).responseFor().organId());
        return addressed ? Optional.empty() : Optional.of("given to " + item.to() + " but the edXML is not addressed "
                + "to it (" + (document ? "To/OrganId" : "ResponseFor/OrganId") + ")");
    }

    private static String documentIdOf(EdxmlMessage message) {
        return message instanceof EdocDocument d ? d.documentId().value()
                : ((EdocStatus) message).responseFor().documentId();
    }

    private static String describe(GatewayException e) {
        String where = e.violations().stream().limit(10)
                .map(v -> (v.code() == null ? "" : v.code() + " at ") + v.pointer())
                .collect(Collectors.joining("; "));
        return e.getMessage() + (where.isEmpty() ? "" : " [" + where + "]");
    }

    static String kindOf(VdxpMessageType type) {
        return type == VdxpMessageType.STATUS ? MessageKinds.DOCUMENT_STATUS : MessageKinds.DOCUMENT;
    }

    /** How the message log names who sent an item in: the axis and the sender organ. */
    static String sender(String organId) {
        return "vdxp:" + (organId == null ? "unknown" : organId);
    }

    /** What became of an item. */
    enum Decision { QUEUE, KNOWN, REFUSED }

    /** The decision on an item and, unless refused, what it was taken in as. */
    record Intake(Decision decision, Receipt receipt) {
    }
}
