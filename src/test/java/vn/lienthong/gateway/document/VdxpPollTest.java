package vn.lienthong.gateway.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.TestClock;
import vn.lienthong.gateway.vdxp.VdxpAxisProperties;
import vn.lienthong.gateway.vdxp.VdxpClient;
import vn.lienthong.gateway.vdxp.VdxpInboundProperties;
import vn.lienthong.gateway.vdxp.VdxpMessageType;
import vn.lienthong.gateway.vdxp.VdxpReceivedItem;

/** When the axis is polled, and which of the items it lists the gateway takes. */
class VdxpPollTest {

    private final TestClock clock = new TestClock(Instant.parse("2024-03-05T01:00:00Z"));
    private final VdxpClient axis = mock(VdxpClient.class);

    @Test
    void pollsOneIntervalAfterStartAndThenEveryInterval() {
        VdxpPoll poll = poll(List.of("000.00.17.H56"), true);

        assertThat(poll.isDue()).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(poll.isDue()).isTrue();
        assertThat(poll.isDue()).isFalse();
        clock.advance(Duration.ofSeconds(29));
        assertThat(poll.isDue()).isFalse();
        poll.pollSoon();
        assertThat(poll.isDue()).isTrue();
        assertThat(poll.isDue()).isFalse();
    }

    @Test
    void pollsAgainAtOnceWhenTheAxisListedAFullPage() {
        VdxpPoll poll = poll(List.of("000.00.17.H56"), true);
        List<VdxpReceivedItem> full = new ArrayList<>(Collections.nCopies(VdxpPoll.FULL_LIST,
                item("d", "000.00.00.G22", "000.00.17.H56")));
        when(axis.getReceivedEdocList(VdxpMessageType.EDOC)).thenReturn(full);
        when(axis.getReceivedEdocList(VdxpMessageType.STATUS)).thenReturn(List.of());

        assertThat(poll.waitingItems()).hasSize(VdxpPoll.FULL_LIST);

        assertThat(poll.isDue()).isTrue();
    }

    @Test
    void neverPollsWhenDisabledOrWithoutOrgans() {
        clock.advance(Duration.ofDays(1));
        assertThat(poll(List.of("000.00.17.H56"), false).isDue()).isFalse();
        assertThat(poll(List.of(), true).isDue()).isFalse();
    }

    @Test
    void takesOnlyItemsForItsOrgansWithAUsableDocIdAndTheirTypes() {
        VdxpPoll poll = poll(List.of("000.00.17.H56", "000.00.18.H56"), true);
        when(axis.getReceivedEdocList(VdxpMessageType.EDOC)).thenReturn(List.of(
                item("a", "000.00.00.G22", "000.00.17.H56"),
                item("b", "000.00.00.G22", "000.00.99.H56"),
                item("c\nforged log line", "000.00.00.G22", "000.00.17.H56"),
                item("d", "not an organ\n", "000.00.18.H56")));
        when(axis.getReceivedEdocList(VdxpMessageType.STATUS)).thenReturn(List.of(
                item("e", "000.00.00.G22", "000.00.18.H56")));

        List<VdxpReceivedItem> waiting = poll.waitingItems();

        assertThat(waiting).extracting(VdxpReceivedItem::docId).containsExactly("a", "d", "e");
        assertThat(waiting).extracting(VdxpReceivedItem::messageType)
                .containsExactly(VdxpMessageType.EDOC, VdxpMessageType.EDOC, VdxpMessageType.STATUS);
        assertThat(waiting.get(1).from()).as("a sender that is no organ code is unknown").isNull();
    }

    private VdxpPoll poll(List<String> organIds, boolean enabled) {
        VdxpAxisProperties axisSettings = new VdxpAxisProperties();
        axisSettings.setOrganIds(organIds);
        VdxpInboundProperties settings = new VdxpInboundProperties();
        settings.setPollEnabled(enabled);
        settings.setPollInterval(Duration.ofSeconds(30));
        return new VdxpPoll(axis, axisSettings, settings, clock);
    }

    private static VdxpReceivedItem item(String docId, String from, String to) {
        return new VdxpReceivedItem(docId, null, from, to, null, null, "sent", null);
    }
}
