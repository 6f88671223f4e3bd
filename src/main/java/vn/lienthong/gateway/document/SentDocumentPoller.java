package vn.lienthong.gateway.document;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.delivery.PlatformDeliveryException;
import vn.lienthong.gateway.vdxp.VdxpClient;
import vn.lienthong.gateway.vdxp.VdxpSentItem;
import vn.lienthong.gateway.vdxp.VdxpSentQuery;

/**
 * Asks the axis ({@code getSentEdocList}, one sent item at a time) how the recipients of sent documents and status
 * messages are doing, the least recently asked first, and stores their states, so that a message's view is answered
 * from the store, quickly and also while the axis is down. A round stops at the first failure and the next round
 * starts again where this one stopped.
 */
@Component("sentDocumentPoller")
public class SentDocumentPoller {

    private static final Logger LOG = LoggerFactory.getLogger(SentDocumentPoller.class);

    private final VdxpClient client;
    private final SentDocuments sent;
    private final DocumentProperties settings;
    private final Clock clock;

    SentDocumentPoller(VdxpClient client, SentDocuments sent, DocumentProperties settings, Clock clock) {
        this.client = client;
        this.sent = sent;
        this.settings = settings;
        this.clock = clock;
    }

    /** One round; answers how many sent messages were brought up to date. */
    public int poll() {
        OffsetDateTime sentAfter = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .minus(settings.getSentPoll().getWindow());
        int done = 0;
        for (SentDocuments.SentItem item : sent.toPoll(sentAfter, settings.getSentPoll().getBatchSize())) {
            List<VdxpSentItem> rows;
            try {
                rows = client.getSentEdocList(VdxpSentQuery.item(item.axisDocId()));
            } catch (PlatformDeliveryException e) {
                LOG.warn("Asking the axis about sent item {} failed ({}); {} brought up to date this round",
                        item.axisDocId(), e.getMessage(), done);
                return done;
            }
            sent.recordPolled(item.messageId(), rows.stream()
                    .filter(row -> item.axisDocId().equals(row.senderDocId())).toList());
            done++;
        }
        return done;
    }
}
