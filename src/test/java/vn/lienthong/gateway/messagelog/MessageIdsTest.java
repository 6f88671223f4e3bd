package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.TestClock;
import vn.lienthong.gateway.ingress.PathParameters;

/** Message ids are version 7 UUIDs: the time of their making first, then random bits. */
class MessageIdsTest {

    private final TestClock clock = new TestClock(Instant.parse("2024-01-01T01:00:00Z"));
    private final MessageIds ids = new MessageIds(clock);

    @Test
    void makesVersion7UuidsCarryingTheMillisecondOfTheirMaking() {
        UUID id = UUID.fromString(ids.next());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
        assertThat(PathParameters.MESSAGE_ID.matcher(id.toString()).matches()).isTrue();
    }

    @Test
    void idsMadeInALaterMillisecondSortAfterEarlierOnes() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            made.add(ids.next());
            clock.advance(Duration.ofMillis(1));
        }

        assertThat(made).isSorted();
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }

        assertThat(made).hasSize(10_000);
    }
}
