package vn.lienthong.gateway.messagelog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.ingress.QueryParameters;

/**
 * {@code GET /audit/export?from=&to=}: writes the signed export archive of the log entries of a [from, to) time window
 * to a temporary file under the data folder, records the call with the auditor who made it, and streams the file as
 * the answer, deleting it once sent. One export is written at a time.
 */
@Component("auditExport")
public class AuditExport {

    private static final Logger LOG = LoggerFactory.getLogger(AuditExport.class);

    private final ExportRanges ranges;
    private final AuditExportWriter writer;
    private final MessageStore store;
    private final Path workDir;
    private final Semaphore oneAtATime = new Semaphore(1);

    AuditExport(JdbcTemplate jdbc, AuditExportWriter writer, MessageStore store, GatewayProperties properties)
            throws IOException {
        this.ranges = new ExportRanges(jdbc, properties.getLog().getNodeId());
        this.writer = writer;
        this.store = store;
        this.workDir = properties.getDataDir().resolve("export");
        Files.createDirectories(workDir);
        deleteLeftovers();
    }

    /** Answers the archive of the window named by the {@code from} and {@code to} query parameters. */
    public void export(Exchange exchange) throws IOException {
        QueryParameters query = new QueryParameters(QueryParameters.of(exchange));
        OffsetDateTime from = query.time("from");
        OffsetDateTime to = query.time("to");
        query.requireOrdered(from, to);
        query.throwIfInvalid();
        if (!oneAtATime.tryAcquire()) {
            throw new GatewayException(ErrorCode.EXPORT_IN_PROGRESS, "Another export is being written; ask again when "
                    + "it is done.");
        }
        Path file = workDir.resolve(UUID.randomUUID() + ".zip");
        try {
            ExportRange range = ranges.between(from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
            long checkpoints = ranges.checkpointsWithin(range.firstIndex(), range.endIndex());
            if (checkpoints > ExportLayout.MAX_CHECKPOINTS) {
                throw new GatewayException(ErrorCode.QUERY_PARAMETER_INVALID, "The time range is too long for one export.",
                        List.of(new Violation("to", "the range holds " + checkpoints + " checkpoints, at most "
                                + ExportLayout.MAX_CHECKPOINTS + " fit in one export: ask for a shorter range")));
            }
            ExportManifest manifest;
            try (OutputStream out = Files.newOutputStream(file)) {
                manifest = writer.write(range, out);
            }
            ClientIdentity auditor = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
            store.recordAuditAction(auditor.id(), exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class),
                    "exported entries " + range.firstIndex() + ".." + (range.endIndex() - 1) + " (from=" + orAny(from)
                            + " to=" + orAny(to) + "): " + manifest.entries() + " entries, " + manifest.payloads()
                            + " payloads, " + checkpoints + " checkpoints; left out " + range.notYetCheckpointed()
                            + " not yet checkpointed and " + range.notYetSealed() + " not yet sealed");
            respond(exchange, file, "lienthong-export-" + range.nodeId() + "-" + range.firstIndex() + "-"
                    + range.endIndex() + ".zip");
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            oneAtATime.release();
            throw e;
        }
    }

    private void respond(Exchange exchange, Path file, String filename) throws IOException {
        InputStream body = Files.newInputStream(file);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    body.close();
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("Could not delete the export file {}", file, e);
                } finally {
                    oneAtATime.release();
                }
            }
        });
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/zip");
        exchange.getIn().setHeader(Exchange.CONTENT_LENGTH, Files.size(file));
        exchange.getIn().setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        exchange.getIn().setBody(body);
    }

    /** Export files a stopped gateway left behind. */
    private void deleteLeftovers() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(workDir, "*.zip")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the export folder " + workDir, e);
        }
    }

    private static String orAny(Object value) {
        return value == null ? "*" : value.toString();
    }
}
