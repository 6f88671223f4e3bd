package vn.lienthong.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import vn.lienthong.gateway.dossier.DossierStatus;
import vn.lienthong.gateway.ingress.Operation;

/** The gateway's own settings under {@code lienthong.*}, validated at start-up. */
@Validated
@ConfigurationProperties(prefix = "lienthong")
public class GatewayProperties {

    @NotNull
    private Path home;
    @NotNull
    private Path dataDir;
    @NotNull
    private Path routesDir;
    @NotNull
    private Path schemasDir;
    @Valid
    private final Ingress ingress = new Ingress();
    @Valid
    private List<Client> clients = new ArrayList<>();
    @Valid
    private final Delivery delivery = new Delivery();
    @Valid
    private final Idempotency idempotency = new Idempotency();
    @Valid
    private final Log log = new Log();
    @Valid
    private final RateLimit rateLimit = new RateLimit();
    @Valid
    private final Management management = new Management();
    @Valid
    private final Mtls mtls = new Mtls();
    private final ApiKeys apiKeys = new ApiKeys();
    private final PlainHttp plainHttp = new PlainHttp();
    private final DossierRules dossier = new DossierRules();

    public Path getHome() { return home; }
    public void setHome(Path home) { this.home = home; }
    public Path getDataDir() { return dataDir; }
    public void setDataDir(Path dataDir) { this.dataDir = dataDir; }
    public Path getRoutesDir() { return routesDir; }
    public void setRoutesDir(Path routesDir) { this.routesDir = routesDir; }
    public Path getSchemasDir() { return schemasDir; }
    public void setSchemasDir(Path schemasDir) { this.schemasDir = schemasDir; }
    public Ingress getIngress() { return ingress; }
    public List<Client> getClients() { return clients; }
    public void setClients(List<Client> clients) { this.clients = clients; }
    public Delivery getDelivery() { return delivery; }
    public Idempotency getIdempotency() { return idempotency; }
    public Log getLog() { return log; }
    public RateLimit getRateLimit() { return rateLimit; }
    public Management getManagement() { return management; }
    public Mtls getMtls() { return mtls; }
    public ApiKeys getApiKeys() { return apiKeys; }
    public PlainHttp getPlainHttp() { return plainHttp; }
    public DossierRules getDossier() { return dossier; }

    /** The dossier status table: for each status, the statuses a progress step may lead to (none: final). */
    public static class DossierRules {
        private Map<DossierStatus, List<DossierStatus>> transitions = new EnumMap<>(DossierStatus.class);

        public Map<DossierStatus, List<DossierStatus>> getTransitions() { return transitions; }
        public void setTransitions(Map<DossierStatus, List<DossierStatus>> transitions) { this.transitions = transitions; }
    }

    /**
     * The HTTPS port with mutual TLS: its number (0 turns it off, -1 takes a free port, for tests) and the PKCS#12 file
     * with the server's key and chain, relative to {@code lienthong.home}.
     */
    public static class Mtls {
        @Min(-1) @Max(65535)
        private int port = 8443;
        @NotNull
        private Path keystore = Path.of("certs-sample/server-localhost.p12");
        @NotNull
        private String keystorePassword = "";
        private String keystoreAlias;
        private boolean refuseSampleCertificates = false;

        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public Path getKeystore() { return keystore; }
        public void setKeystore(Path keystore) { this.keystore = keystore; }
        public String getKeystorePassword() { return keystorePassword; }
        public void setKeystorePassword(String keystorePassword) { this.keystorePassword = keystorePassword; }
        public String getKeystoreAlias() { return keystoreAlias; }
        public void setKeystoreAlias(String keystoreAlias) { this.keystoreAlias = keystoreAlias; }
        public boolean isRefuseSampleCertificates() { return refuseSampleCertificates; }
        public void setRefuseSampleCertificates(boolean refuse) { this.refuseSampleCertificates = refuse; }
    }

    /** Whether the plain HTTP port identifies clients by {@code X-API-Key}; the production profile turns it off. */
    public static class ApiKeys {
        private boolean enabled = true;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
    }

    /** Whether the plain HTTP port serves only {@code /actuator/health} (the production profile's default). */
    public static class PlainHttp {
        private boolean healthOnly = false;

        public boolean isHealthOnly() { return healthOnly; }
        public void setHealthOnly(boolean healthOnly) { this.healthOnly = healthOnly; }
    }

    /** Who may reach the management endpoints other than health (metrics): networks as {@code address/prefix}. */
    public static class Management {
        private List<String> allowedNetworks = new ArrayList<>(List.of("127.0.0.0/8", "::1/128"));

        public List<String> getAllowedNetworks() { return allowedNetworks; }
        public void setAllowedNetworks(List<String> allowedNetworks) { this.allowedNetworks = allowedNetworks; }
    }

    /** A token bucket: requests per second on average, and how many may come at once. */
    public static class RateLimit {
        @DecimalMin(value = "0.001", message = "must allow at least one request in 1,000 seconds")
        private double perSecond = 200;
        @Min(1)
        private int burst = 400;

        public double getPerSecond() { return perSecond; }
        public void setPerSecond(double perSecond) { this.perSecond = perSecond; }
        public int getBurst() { return burst; }
        public void setBurst(int burst) { this.burst = burst; }
    }

    /** Limits applied to every request before it reaches a route. */
    public static class Ingress {
        @NotNull
        private DataSize maxBodySize = DataSize.ofMegabytes(10);
        /**
         * Limit for bodies that carry official documents with their attachments ({@code POST /api/v1/documents}) and
         * for SOAP requests (whose MTOM attachments CXF bounds one by one).
         */
        @NotNull
        private DataSize maxDocumentBodySize = DataSize.ofMegabytes(32);
        @Min(2) @Max(1000)
        private int maxJsonDepth = 32;
        @Min(16)
        private int maxJsonStringLength = 1_000_000;
        @Min(16) @Max(1000)
        private int maxJsonNumberLength = 32;

        public DataSize getMaxBodySize() { return maxBodySize; }
        public void setMaxBodySize(DataSize maxBodySize) { this.maxBodySize = maxBodySize; }
        public DataSize getMaxDocumentBodySize() { return maxDocumentBodySize; }
        public void setMaxDocumentBodySize(DataSize maxDocumentBodySize) {
            this.maxDocumentBodySize = maxDocumentBodySize;
        }

        /** The largest body any request may have: what a stored payload may inflate to. */
        public long largestBody() {
            return Math.max(maxBodySize.toBytes(), maxDocumentBodySize.toBytes());
        }
        public int getMaxJsonDepth() { return maxJsonDepth; }
        public void setMaxJsonDepth(int maxJsonDepth) { this.maxJsonDepth = maxJsonDepth; }
        public int getMaxJsonStringLength() { return maxJsonStringLength; }
        public void setMaxJsonStringLength(int maxJsonStringLength) { this.maxJsonStringLength = maxJsonStringLength; }
        public int getMaxJsonNumberLength() { return maxJsonNumberLength; }
        public void setMaxJsonNumberLength(int maxJsonNumberLength) { this.maxJsonNumberLength = maxJsonNumberLength; }
    }

    /**
     * A registered client system: its identity, how it proves it (the SHA-256 of its API key, the organ codes of its
     * client certificates, or both), and its roles and rights.
     */
    public static class Client {
        @NotBlank
        private String id;
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be the lower-case hex SHA-256 of the API key")
        private String apiKeySha256;
        private List<@NotNull @Pattern(regexp = "[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}",
                message = "must be an organ code such as 000.00.17.H56") String> certificateOrganCodes =
                new ArrayList<>();
        @NotEmpty
        private List<String> roles = new ArrayList<>();
        private List<String> agencies = new ArrayList<>();
        private List<Operation> operations = new ArrayList<>();
        private List<String> destinations = new ArrayList<>();
        @Valid
        private RateLimit rateLimit;

        /** An agency system must be given its operations one by one; none are implied. */
        @AssertTrue(message = "an AGENCY client must list the operations it may call (lienthong.clients[n].operations)")
        public boolean isAgencyWithOperations() {
            return roles == null || !roles.contains("AGENCY") || !operations.isEmpty();
        }

        /** A client nobody could authenticate as is a mistake in the configuration. */
        @AssertTrue(message = "a client needs an api-key-sha256 or certificate-organ-codes (lienthong.clients[n])")
        public boolean isIdentifiable() {
            return apiKeySha256 != null || certificateOrganCodes != null && !certificateOrganCodes.isEmpty();
        }

        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getApiKeySha256() { return apiKeySha256; }
        public void setApiKeySha256(String apiKeySha256) { this.apiKeySha256 = apiKeySha256; }
        /** The organ codes (subject OU) of the client certificates that identify this client on the mTLS port. */
        public List<String> getCertificateOrganCodes() { return certificateOrganCodes; }
        public void setCertificateOrganCodes(List<String> certificateOrganCodes) {
            this.certificateOrganCodes = certificateOrganCodes;
        }
        public List<String> getRoles() { return roles; }
        public void setRoles(List<String> roles) { this.roles = roles; }
        public List<String> getAgencies() { return agencies; }
        public void setAgencies(List<String> agencies) { this.agencies = agencies; }
        public List<Operation> getOperations() { return operations; }
        public void setOperations(List<Operation> operations) { this.operations = operations; }
        public List<String> getDestinations() { return destinations; }
        public void setDestinations(List<String> destinations) { this.destinations = destinations; }
        /** This client's own rate limit; the default {@code lienthong.rate-limit} when not set. */
        public RateLimit getRateLimit() { return rateLimit; }
        public void setRateLimit(RateLimit rateLimit) { this.rateLimit = rateLimit; }
    }

    /** How workers deliver: consumers per queue, the default retry policy, and overrides per destination. */
    public static class Delivery {
        @Min(1) @Max(64)
        private int concurrentConsumers = 4;
        @NotNull
        private Duration initialDelay = Duration.ofSeconds(1);
        @DecimalMin("1.0")
        private double multiplier = 2.0;
        @NotNull
        private Duration maxDelay = Duration.ofMinutes(5);
        @DecimalMin("0.0") @DecimalMax("1.0")
        private double jitter = 0.2;
        @Min(1)
        private int maxAttempts = 10;
        /** Retry settings per destination (e.g. {@code DVCQG}); any setting left out takes the default above. */
        @Valid
        private Map<String, RetryOverride> destinations = new HashMap<>();

        public int getConcurrentConsumers() { return concurrentConsumers; }
        public void setConcurrentConsumers(int concurrentConsumers) { this.concurrentConsumers = concurrentConsumers; }
        public Duration getInitialDelay() { return initialDelay; }
        public void setInitialDelay(Duration initialDelay) { this.initialDelay = initialDelay; }
        public double getMultiplier() { return multiplier; }
        public void setMultiplier(double multiplier) { this.multiplier = multiplier; }
        public Duration getMaxDelay() { return maxDelay; }
        public void setMaxDelay(Duration maxDelay) { this.maxDelay = maxDelay; }
        public double getJitter() { return jitter; }
        public void setJitter(double jitter) { this.jitter = jitter; }
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Map<String, RetryOverride> getDestinations() { return destinations; }
        public void setDestinations(Map<String, RetryOverride> destinations) { this.destinations = destinations; }
    }

    /** Retry settings of one destination; a null field falls back to the delivery default. */
    public static class RetryOverride {
        private Duration initialDelay;
        @DecimalMin("1.0")
        private Double multiplier;
        private Duration maxDelay;
        @DecimalMin("0.0") @DecimalMax("1.0")
        private Double jitter;
        @Min(1)
        private Integer maxAttempts;

        public Duration getInitialDelay() { return initialDelay; }
        public void setInitialDelay(Duration initialDelay) { this.initialDelay = initialDelay; }
        public Double getMultiplier() { return multiplier; }
        public void setMultiplier(Double multiplier) { this.multiplier = multiplier; }
        public Duration getMaxDelay() { return maxDelay; }
        public void setMaxDelay(Duration maxDelay) { this.maxDelay = maxDelay; }
        public Double getJitter() { return jitter; }
        public void setJitter(Double jitter) { this.jitter = jitter; }
        public Integer getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }
    }

    /** How long an idempotency key is remembered. */
    public static class Idempotency {
        @NotNull
        private Duration window = Duration.ofDays(7);

        public Duration getWindow() { return window; }
        public void setWindow(Duration window) { this.window = window; }
    }

    /** How long the message log keeps entries in the store, and where it archives them before purging (under data-dir). */
    public static class Retention {
        /** How long entries stay in the store before they are archived and purged; none: kept for ever. */
        private Duration keep;
        @NotNull
        private Path archiveDir = Path.of("archive");

        public Duration getKeep() { return keep; }
        public void setKeep(Duration keep) { this.keep = keep; }
        public Path getArchiveDir() { return archiveDir; }
        public void setArchiveDir(Path archiveDir) { this.archiveDir = archiveDir; }
    }

    /** The tamper-evident message log: this node's id, how events are sealed, and when checkpoints are signed. */
    public static class Log {
        @Valid
        private final Retention retention = new Retention();
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 of A-Z a-z 0-9 . _ -")
        private String nodeId = "gateway-1";
        @Min(1) @Max(100_000)
        private int sealBatchSize = 5000;
        /** How long a gap in the event sequence is waited for (an uncommitted write) before it is passed over. */
        @NotNull
        private Duration gapTimeout = Duration.ofSeconds(10);
        @Min(1)
        private int checkpointEntries = 1000;
        @NotNull
        private Duration checkpointInterval = Duration.ofSeconds(60);
        /** PKCS#12 file with the gateway's signing key and chain; relative to lienthong.home. */
        @NotNull
        private Path signingKeystore = Path.of("certs-sample/gateway-signing.p12");
        @NotNull
        private String signingPassword = "";
        private String signingAlias;

        public Retention getRetention() { return retention; }
        public String getNodeId() { return nodeId; }
        public void setNodeId(String nodeId) { this.nodeId = nodeId; }
        public int getSealBatchSize() { return sealBatchSize; }
        public void setSealBatchSize(int sealBatchSize) { this.sealBatchSize = sealBatchSize; }
        public Duration getGapTimeout() { return gapTimeout; }
        public void setGapTimeout(Duration gapTimeout) { this.gapTimeout = gapTimeout; }
        public int getCheckpointEntries() { return checkpointEntries; }
        public void setCheckpointEntries(int checkpointEntries) { this.checkpointEntries = checkpointEntries; }
        public Duration getCheckpointInterval() { return checkpointInterval; }
        public void setCheckpointInterval(Duration checkpointInterval) { this.checkpointInterval = checkpointInterval; }
        public Path getSigningKeystore() { return signingKeystore; }
        public void setSigningKeystore(Path signingKeystore) { this.signingKeystore = signingKeystore; }
        public String getSigningPassword() { return signingPassword; }
        public void setSigningPassword(String signingPassword) { this.signingPassword = signingPassword; }
        public String getSigningAlias() { return signingAlias; }
        public void setSigningAlias(String signingAlias) { this.signingAlias = signingAlias; }
    }
}
