package vn.lienthong.gateway.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts messages accepted, delivered, failed and dead-lettered per destination for {@code /actuator/prometheus}; each
 * counter is registered once and then kept.
 */
@Component
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String destination) {
        counter("lienthong.messages.accepted", destination, "Messages accepted and queued").increment();
    }

    public void delivered(String destination) {
        counter("lienthong.messages.delivered", destination, "Messages the platform confirmed").increment();
    }

    public void failed(String destination) {
        counter("lienthong.messages.failed", destination, "Delivery attempts that failed").increment();
    }

    public void deadLettered(String destination) {
        counter("lienthong.messages.dead.lettered", destination, "Messages moved to the dead-letter queue").increment();
    }

    private Counter counter(String name, String destination, String description) {
        return counters.computeIfAbsent(name + '\u0000' + destination, key -> Counter.builder(name)
                .description(description).tag("destination", String.valueOf(destination)).register(registry));
    }
}
