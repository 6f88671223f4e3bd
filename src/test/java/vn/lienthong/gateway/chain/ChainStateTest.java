package vn.lienthong.gateway.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.gateway.chain.LegState.ACKNOWLEDGED;
import static vn.lienthong.gateway.chain.LegState.DELIVERED;
import static vn.lienthong.gateway.chain.LegState.DISCARDED;
import static vn.lienthong.gateway.chain.LegState.FAILED;
import static vn.lienthong.gateway.chain.LegState.PENDING;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChainStateTest {

    @Test
    void aChainIsCompletedOnlyWhenEveryLegIsAcknowledged() {
        assertThat(ChainState.of(List.of(ACKNOWLEDGED, ACKNOWLEDGED, ACKNOWLEDGED))).isEqualTo(ChainState.COMPLETED);
        assertThat(ChainState.of(List.of(ACKNOWLEDGED, DELIVERED, ACKNOWLEDGED))).isEqualTo(ChainState.IN_PROGRESS);
        assertThat(ChainState.of(List.of(PENDING, DELIVERED, ACKNOWLEDGED))).isEqualTo(ChainState.IN_PROGRESS);
    }

    @Test
    void aDeadLetteredLegFailsTheChainWhateverTheOthersAre() {
        assertThat(ChainState.of(List.of(ACKNOWLEDGED, FAILED, ACKNOWLEDGED))).isEqualTo(ChainState.FAILED);
        assertThat(ChainState.of(List.of(DISCARDED, FAILED, PENDING))).isEqualTo(ChainState.FAILED);
    }

    @Test
    void aDiscardedLegAbandonsTheChain() {
        assertThat(ChainState.of(List.of(ACKNOWLEDGED, DISCARDED, DELIVERED))).isEqualTo(ChainState.ABANDONED);
    }
}
