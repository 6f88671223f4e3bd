package vn.lienthong.gateway.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.messagelog.MessageStore;

/**
 * Records in the message log, at every start, the configuration the gateway runs with (settings, clients and their
 * rights, route and schema files, secrets hidden) and what changed since the previous start, with the operator's
 * account and host, so that auditors see every change of who may do what and where messages go.
 */
@Component
class ConfigurationAudit implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationAudit.class);
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|secret|credential|token|private|\\.api-key$).*");
    private static final Pattern PASSWORD_IN_VALUE = Pattern.compile("(?i)(password=)[^;&]*");
    private static final int MAX_HOST = 64;
    private static final List<String> PREFIXES = List.of("lienthong.", "server.", "spring.datasource.url",
            "spring.datasource.username", "spring.artemis.", "management.", "camel.main.routes-include-pattern");
    private static final int MAX_DETAIL = 1000;

    private final ConfigurableEnvironment environment;
    private final GatewayProperties properties;
    private final MessageStore store;
    private final ObjectMapper json = new ObjectMapper();

    ConfigurationAudit(ConfigurableEnvironment environment, GatewayProperties properties, MessageStore store) {
        this.environment = environment;
        this.properties = properties;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) throws JsonProcessingException {
        SortedMap<String, String> now = snapshot();
        String text = json.writeValueAsString(now);
        SortedMap<String, String> before = store.lastConfiguration().map(this::read).orElse(null);
        String detail = describe(now, before);
        store.recordConfigurationLoaded(System.getProperty("user.name"), hostName(), text, detail);
        LOG.info("Configuration recorded in the message log: {}", detail);
    }

    /** The settings, client rights and file digests the gateway runs with, by name, secrets hidden. */
    SortedMap<String, String> snapshot() {
        SortedMap<String, String> settings = new TreeMap<>();
        settings.put("spring.profiles.active", String.join(",", environment.getActiveProfiles()));
        environment.getPropertySources().stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .filter(name -> PREFIXES.stream().anyMatch(name::startsWith))
                .filter(name -> !name.startsWith("lienthong.clients["))
                .distinct()
                .forEach(name -> settings.put(name, shown(name, environment.getProperty(name))));
        for (GatewayProperties.Client client : properties.getClients()) {
            String prefix = "client " + client.getId() + ".";
            settings.put(prefix + "roles", String.join(",", client.getRoles()));
            settings.put(prefix + "agencies", String.join(",", client.getAgencies()));
            settings.put(prefix + "api-key-sha256", client.getApiKeySha256());
        }
        digests(settings, "route file ", properties.getRoutesDir());
        digests(settings, "schema file ", properties.getSchemasDir());
        return settings;
    }

    /** One line for the log: how much was loaded and what was added, removed or changed since last time. */
    static String describe(SortedMap<String, String> now, SortedMap<String, String> before) {
        StringBuilder text = new StringBuilder("loaded " + now.size() + " settings and files");
        if (before == null) {
            return text.append("; the first configuration recorded").toString();
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        now.forEach((name, value) -> {
            if (!before.containsKey(name)) {
                added.add(name);
            } else if (!Objects.equals(before.get(name), value)) {
                changed.add(name);
            }
        });
        before.keySet().stream().filter(name -> !now.containsKey(name)).forEach(removed::add);
        if (added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
            return text.append("; unchanged since the previous start").toString();
        }
        text.append("; since the previous start");
        append(text, " changed: ", changed);
        append(text, " added: ", added);
        append(text, " removed: ", removed);
        return text.length() <= MAX_DETAIL ? text.toString() : text.substring(0, MAX_DETAIL - 1) + "…";
    }

    private static void append(StringBuilder text, String label, List<String> names) {
        if (!names.isEmpty()) {
            text.append(label).append(String.join(", ", names)).append(';');
        }
    }

    static String shown(String name, String value) {
        if (value == null) {
            return null;
        }
        if (SECRET.matcher(name).matches()) {
            return "(hidden)";
        }
        return PASSWORD_IN_VALUE.matcher(value).replaceAll("$1(hidden)");
    }

    private static void digests(Map<String, String> settings, String label, Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                try {
                    settings.put(label + folder.relativize(file).toString().replace('\\', '/'),
                            Sha256.hex(Files.readAllBytes(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file + " to record the configuration", e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + " to record the configuration", e);
        }
    }

    private SortedMap<String, String> read(String snapshot) {
        try {
            return json.readValue(snapshot, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            LOG.warn("The previous configuration snapshot cannot be read; recording this one as new", e);
            return null;
        }
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() <= MAX_HOST ? host : host.substring(0, MAX_HOST);
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
