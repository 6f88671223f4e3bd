package vn.lienthong.gateway;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** Looks into the embedded broker's queues: how much was put on them, and whether anything is still in flight. */
public final class QueueProbe {

    public static final String DVCQG = "lienthong.dossier.dvcqg";
    public static final String DVCQG_DLQ = "lienthong.dossier.dvcqg.dlq";
    public static final String VDXP = "lienthong.document.vdxp";

    private final EmbeddedActiveMQ broker;

    public QueueProbe(EmbeddedActiveMQ broker) {
        this.broker = broker;
    }

    /** How many messages were ever put on the queue (0 before it exists). */
    public long messagesAdded(String queueName) {
        Queue queue = queue(queueName);
        return queue == null ? 0 : queue.getMessagesAdded();
    }

    /** How many messages the queue holds now, scheduled ones included. */
    public long messageCount(String queueName) {
        Queue queue = queue(queueName);
        return queue == null ? 0 : queue.getMessageCount();
    }

    /**
     * Waits until no message is waiting on or being delivered from the DVCQG queue: simulator faults hit whichever
     * call comes next, so no other test's message may still be on its way.
     */
    public void awaitNothingInFlight() {
        awaitNothingInFlight(DVCQG);
    }

    /** Waits until no message is waiting on or being delivered from the queue. */
    public void awaitNothingInFlight(String queueName) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Queue queue = queue(queueName);
            return queue == null || queue.getMessageCount() == 0 && queue.getDeliveringCount() == 0;
        });
    }

    private Queue queue(String name) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(name));
    }
}
