package vn.lienthong.gateway.document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.lienthong.gateway.vdxp.VdxpAxisProperties;
import vn.lienthong.gateway.vdxp.VdxpClient;
import vn.lienthong.gateway.vdxp.VdxpInboundProperties;
import vn.lienthong.gateway.vdxp.VdxpMessageType;
import vn.lienthong.gateway.vdxp.VdxpReceiptStatus;
import vn.lienthong.gateway.vdxp.VdxpReceivedItem;

/**
 * The axis side of taking in documents and status messages (route vdxp-poll): whether a poll is due, the items
 * waiting for this gateway's organs, fetching one, and confirming it ({@code done} once it is on the durable queue,
 * {@code fail} when it was refused). Anything that fails leaves the item on the axis for the next poll.
 */
@Component("vdxpPoll")
public class VdxpPoll {

    /** Exchange property: the {@link VdxpReceivedItem} being taken in. */
    public static final String ITEM = "lienthongAxisItem";
    /** Exchange property: the {@link Receipt} it was taken in as (null when refused). */
    public static final String RECEIPT = "lienthongReceipt";
    /** The most items the adapter lists in one answer; a full list means more wait. */
    static final int FULL_LIST = 500;
    private static final Pattern DOC_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");
    /** An organ code as the adapter writes one (docs/vdxp-adapter.md), at most 40 characters. */
    private static final Pattern ORGAN_ID = Pattern.compile("(?=.{3,40}$)[0-9A-Za-z]+(\\.[0-9A-Za-z]+)+");
    private static final Logger LOG = LoggerFactory.getLogger(VdxpPoll.class);

    private final VdxpClient axis;
    private final Set<String> organIds;
    private final long intervalMillis;
    private final Clock clock;
    private volatile Instant lastPoll;
    private volatile boolean moreWaiting;

    VdxpPoll(VdxpClient axis, VdxpAxisProperties axisSettings, VdxpInboundProperties settings, Clock clock) {
        this.axis = axis;
        this.organIds = settings.isPollEnabled() ? Set.copyOf(axisSettings.getOrganIds()) : Set.of();
        this.intervalMillis = settings.getPollInterval().toMillis();
        this.clock = clock;
        this.lastPoll = clock.instant();
    }

    /** Asks for a poll at the next tick of the route rather than after the interval (items are known to wait). */
    public void pollSoon() {
        moreWaiting = true;
    }

    /**
     * Whether to poll now: polling is enabled for some organ, and the interval has passed since the last poll (or
     * since start-up), or the last one left items waiting, or a poll was asked for.
     */
    public boolean isDue() {
        if (organIds.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        boolean due = moreWaiting || lastPoll.plusMillis(intervalMillis).compareTo(now) <= 0;
        if (due) {
            lastPoll = now;
            moreWaiting = false;
        }
        return due;
    }

    /**
     * The documents, then the status messages, waiting on the axis for this gateway's organs, oldest first; an item
     * for an organ not in {@code lienthong.vdxp.organ-ids}, or whose id is not one the adapter gives, is left where it
     * is; a sender that is not an organ code is taken as unknown (the edXML says who sent it).
     */
    public List<VdxpReceivedItem> waitingItems() {
        List<VdxpReceivedItem> waiting = new ArrayList<>();
        Set<String> strangers = new TreeSet<>();
        boolean full = false;
        for (VdxpMessageType type : VdxpMessageType.values()) {
            List<VdxpReceivedItem> listed = axis.getReceivedEdocList(type);
            full |= listed.size() >= FULL_LIST;
            for (VdxpReceivedItem item : listed) {
                if (item.to() == null || !organIds.contains(item.to())) {
                    strangers.add(item.to() != null && ORGAN_ID.matcher(item.to()).matches() ? item.to() : "?");
                } else if (item.docId() == null || !DOC_ID.matcher(item.docId()).matches()) {
                    strangers.add(item.to() + " (an item without a usable docId)");
                } else {
                    String from = item.from() != null && ORGAN_ID.matcher(item.from()).matches() ? item.from() : null;
                    waiting.add(new VdxpReceivedItem(item.docId(), type, from, item.to(), item.createdTime(),
                            item.updatedTime(), item.status(), item.statusDesc()));
                }
            }
        }
        moreWaiting = full;
        if (!strangers.isEmpty()) {
            LOG.warn("The axis lists items for {} that this gateway does not take (an organ not in "
                    + "lienthong.vdxp.organ-ids, or no usable docId); they are left on the axis", strangers);
        }
        if (!waiting.isEmpty()) {
            LOG.info("{} item(s) waiting on the axis for this gateway's organs", waiting.size());
        }
        return waiting;
    }

    /** Fetches the edXML of the item in the body ({@code getEdoc}) into the body, keeping the item as {@link #ITEM}. */
    public void fetch(Exchange exchange) {
        VdxpReceivedItem item = exchange.getIn().getBody(VdxpReceivedItem.class);
        exchange.setProperty(ITEM, item);
        exchange.getIn().setBody(axis.getEdoc(item.docId()));
    }

    /** Confirms the item at the axis: {@code fail} when it was refused, {@code done} once it is queued. */
    public void confirm(Exchange exchange) {
        VdxpReceivedItem item = exchange.getProperty(ITEM, VdxpReceivedItem.class);
        boolean refused = IncomingEdocs.Decision.REFUSED.name().equals(
                exchange.getProperty(IncomingEdocs.DECISION, String.class));
        axis.updateStatus(item.docId(), refused ? VdxpReceiptStatus.FAIL : VdxpReceiptStatus.DONE);
    }

    /** Logs why one item could not be taken in now; it stays on the axis and the next poll tries it again. */
    public void itemFailed(Exchange exchange) {
        VdxpReceivedItem item = exchange.getProperty(ITEM, VdxpReceivedItem.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warn("Axis item {} for {} not taken in now, left for the next poll: {}",
                item == null ? "?" : item.docId(), item == null ? "?" : item.to(), describe(cause));
    }

    /** Logs why the axis could not be polled; the next poll comes after the interval. */
    public void pollFailed(Exchange exchange) {
        moreWaiting = false;
        LOG.warn("The axis could not be polled: {}", describe(exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                Throwable.class)));
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown failure" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
