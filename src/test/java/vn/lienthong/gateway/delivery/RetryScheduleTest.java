package vn.lienthong.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.config.GatewayProperties;

/** The backoff grows by the multiplier up to the cap, spreads by the jitter, yields to Retry-After, per destination. */
class RetryScheduleTest {

    private final GatewayProperties properties = new GatewayProperties();
    private final RetrySchedule schedule;

    RetryScheduleTest() {
        GatewayProperties.Delivery d = properties.getDelivery();
        d.setInitialDelay(Duration.ofSeconds(1));
        d.setMultiplier(2.0);
        d.setMaxDelay(Duration.ofSeconds(30));
        d.setJitter(0.2);
        d.setMaxAttempts(5);
        GatewayProperties.RetryOverride lgsp = new GatewayProperties.RetryOverride();
        lgsp.setInitialDelay(Duration.ofSeconds(10));
        lgsp.setMaxAttempts(2);
        d.getDestinations().put("LGSP", lgsp);
        schedule = new RetrySchedule(properties);
    }

    @Test
    void growsByTheMultiplierUpToTheMaximum() {
        assertThat(schedule.backoffAfter("DVCQG", 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.backoffAfter("DVCQG", 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.backoffAfter("DVCQG", 5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(schedule.backoffAfter("DVCQG", 6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.backoffAfter("DVCQG", 60)).isEqualTo(Duration.ofSeconds(30));
    }

    @RepeatedTest(20)
    void spreadsEachDelayWithinTheJitter() {
        assertThat(schedule.delayAfter("DVCQG", 3, null)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));
    }

    @Test
    void waitsAtLeastAsLongAsThePlatformAsked() {
        assertThat(schedule.delayAfter("DVCQG", 1, Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(schedule.delayAfter("DVCQG", 6, Duration.ofSeconds(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(24));
    }

    @Test
    void capsWhatThePlatformCanAskFor() {
        assertThat(schedule.delayAfter("DVCQG", 1, Duration.ofDays(30))).isEqualTo(RetrySchedule.MAX_RETRY_AFTER);
    }

    @Test
    void takesDestinationSettingsAndFallsBackToTheDefaults() {
        assertThat(schedule.backoffAfter("LGSP", 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.backoffAfter("LGSP", 2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.exhausted("LGSP", 2)).isTrue();
        assertThat(schedule.exhausted("DVCQG", 4)).isFalse();
        assertThat(schedule.exhausted("DVCQG", 5)).isTrue();
    }
}
