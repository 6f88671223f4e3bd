package vn.lienthong.gateway.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.LoggerFactory;

/**
 * The raw baseline of {@code bench/run.sh}: the same dossier payloads, with the same message properties, sent
 * persistently to an embedded Artemis broker and consumed in local transactions, with nothing else in the JVM. The
 * broker is configured as the gateway's is (Spring Boot's embedded configuration with {@code BrokerConfig}: NIO journal,
 * journal synced on transactional and non-transactional writes, in-VM connector, no security); producers send
 * non-transacted with blocking durable sends, as the gateway's ingest route does, and each consumer commits a local
 * transaction per message, as the delivery route does (on one consumer kept open: the raw broker's own pace). Options:
 * {@code --dir= --messages= --producers= --consumers= --payload-bytes= --out=}, and
 * {@code --journal-buffer-timeout-ns=} to try another journal buffer timeout than the gateway's (Artemis's default for
 * NIO, 3,333,333 ns: how long the journal gathers writes before one synced write).
 */
public final class RawBrokerBench {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String QUEUE = "lienthong.bench.raw";

    private RawBrokerBench() {
    }

    public static void main(String[] args) throws Exception {
        // as in the gateway, where Artemis would otherwise log every message (its audit loggers) at INFO
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int messages = Integer.parseInt(options.getOrDefault("messages", "20000"));
        int producers = Integer.parseInt(options.getOrDefault("producers", "8"));
        int consumers = Integer.parseInt(options.getOrDefault("consumers", "4"));
        BenchDossiers dossiers = BenchDossiers.of(Path.of("samples/dossier.json"),
                Integer.parseInt(options.getOrDefault("payload-bytes", "0")));
        String dir = options.get("dir");

        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration(dir,
                Integer.parseInt(options.getOrDefault("journal-buffer-timeout-ns", "-1"))));
        broker.start();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0")) {
            ObjectNode result = run(factory, dossiers, messages, producers, consumers);
            result.put("journal", "NIO, synced on transactional and non-transactional writes, " + dir);
            JSON.writeValue(Path.of(options.get("out")).toFile(), result);
            System.out.printf("raw broker: %,d messages of %,d bytes, %d producers, %d consumers: %,.0f messages/s%n",
                    messages, dossiers.bytes(), producers, consumers, result.get("messagesPerSecond").asDouble());
        } finally {
            broker.stop();
        }
    }

    /** The gateway's broker settings: Spring Boot's embedded configuration as changed by BrokerConfig. */
    private static ConfigurationImpl configuration(String dir, int journalBufferTimeoutNanos) {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setSecurityEnabled(false);
        configuration.setPersistenceEnabled(true);
        configuration.setJournalType(JournalType.NIO);
        configuration.setJournalDirectory(dir + "/journal");
        configuration.setLargeMessagesDirectory(dir + "/largemessages");
        configuration.setBindingsDirectory(dir + "/bindings");
        configuration.setPagingDirectory(dir + "/paging");
        configuration.setJournalSyncTransactional(true);
        configuration.setJournalSyncNonTransactional(true);
        if (journalBufferTimeoutNanos >= 0) {
            configuration.setJournalBufferTimeout_NIO(journalBufferTimeoutNanos);
        }
        configuration.getAcceptorConfigurations().add(new TransportConfiguration(InVMAcceptorFactory.class.getName()));
        configuration.addAddressSetting("lienthong.#", new AddressSettings()
                .setMaxDeliveryAttempts(-1).setAutoCreateQueues(true).setAutoCreateAddresses(true)
                .setAutoDeleteQueues(false).setAutoDeleteAddresses(false));
        return configuration;
    }

    private static ObjectNode run(ActiveMQConnectionFactory factory, BenchDossiers dossiers, int messages,
                                  int producers, int consumers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(producers + consumers);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        List<Future<List<Long>>> sending = new ArrayList<>();
        List<Future<?>> receiving = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < consumers; c++) {
            receiving.add(pool.submit(() -> consume(factory, received, messages)));
        }
        for (int p = 0; p < producers; p++) {
            sending.add(pool.submit(() -> produce(factory, dossiers, sent, messages)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<List<Long>> producer : sending) {
            latencies.addAll(producer.get());
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        for (Future<?> consumer : receiving) {
            consumer.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(latencies);
        ObjectNode result = JSON.createObjectNode();
        result.put("messages", messages);
        result.put("payloadBytes", dossiers.bytes());
        result.put("producers", producers);
        result.put("consumers", consumers);
        result.put("sentPerSecond", round(messages / sendSeconds));
        result.put("sendLatencyP50Ms", round(latencies.get(latencies.size() / 2) / 1e6));
        result.put("sendLatencyP99Ms", round(latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1e6));
        result.put("seconds", round(seconds));
        result.put("messagesPerSecond", round(messages / seconds));
        return result;
    }

    private static List<Long> produce(ActiveMQConnectionFactory factory, BenchDossiers dossiers, AtomicInteger sent,
                                      int messages) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(QUEUE);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int n = sent.getAndIncrement(); n < messages; n = sent.getAndIncrement()) {
                String code = BenchDossiers.code(n);
                TextMessage message = session.createTextMessage(dossiers.json(n));
                message.setStringProperty("lienthongMessageId", UUID.randomUUID().toString());
                message.setStringProperty("lienthongKind", "DOSSIER");
                message.setStringProperty("lienthongDossierCode", code);
                message.setStringProperty("lienthongAgencyCode", "000.00.17.H56");
                message.setStringProperty("lienthongDestination", "DVCQG");
                message.setStringProperty("lienthongClientId", "sandbox-agency");
                message.setStringProperty("JMSXGroupID", code);
                long t0 = System.nanoTime();
                producer.send(message);
                latencies.add(System.nanoTime() - t0);
            }
        }
        return latencies;
    }

    private static Void consume(ActiveMQConnectionFactory factory, AtomicInteger received, int messages)
            throws Exception {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            while (received.get() < messages) {
                Message message = consumer.receive(200);
                if (message != null) {
                    message.getBody(String.class);
                    session.commit();
                    received.incrementAndGet();
                }
            }
        }
        return null;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
