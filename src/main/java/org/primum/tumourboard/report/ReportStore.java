package org.primum.tumourboard.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reports kept for a while, one JSON file per report in a folder ({@code primum.report.dir}), so that
 * several instances sharing the folder and restarts serve the same links. Each file is written to a
 * temporary name and moved into place (a reader never sees half a report); its last-modified time IS
 * its expiry, so expiry needs no index and the sweep reads no file. Ids are 128 random bits: the link
 * is the only key to a report of patient data, so it must not be guessable.
 */
public final class ReportStore {

    private static final Logger LOG = Logger.getLogger(ReportStore.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final String SUFFIX = ".json";
    private static final String TEMP_PREFIX = ".tmp-";
    /** A temporary file older than this is left over from a crash. */
    private static final Duration STALE_TEMP = Duration.ofHours(1);

    private final Path dir;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ReportStore(Path dir, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("primum.report.ttl must be positive: " + ttl);
        this.dir = dir;
        this.ttl = ttl;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the report folder " + dir.toAbsolutePath(), e);
        }
    }

    public Duration ttl() {
        return ttl;
    }

    /** A new report id: 128 random bits, hex. */
    public String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** When a report made now expires. */
    public Instant expiryFromNow() {
        return clock.instant().plus(ttl);
    }

    /** Stores {@code report} under a new id; returns the report as stored (with its id and expiry). */
    public ReportView save(ReportView report) {
        return save(report, newId(), expiryFromNow());
    }

    /**
     * Stores {@code report} under {@code id} (from {@link #newId()}) until {@code expires}: a report whose link was
     * given before it was built keeps the id and the expiry of its link. Saving the same id again replaces the file.
     */
    public ReportView save(ReportView report, String id, Instant expires) {
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("not a report id");
        ReportView stored = report.stored(id, expires.toString());
        Path temp = dir.resolve(TEMP_PREFIX + id + "-" + Thread.currentThread().getId());
        try {
            json.writeValue(temp.toFile(), stored);
            Files.setLastModifiedTime(temp, FileTime.from(expires));
            try {
                Files.move(temp, file(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(id), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot store a report in " + dir.toAbsolutePath(), e);
        }
        return stored;
    }

    /** The report {@code id} if it exists and has not expired; anything not shaped like an id is simply absent. */
    public Optional<ReportView> find(String id) {
        if (id == null || !ID.matcher(id).matches()) return Optional.empty();
        Path file = file(id);
        try {
            if (expired(file)) {
                deleteQuietly(file);
                return Optional.empty();
            }
            return Optional.of(json.readValue(file.toFile(), ReportView.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.exists(file)) return Optional.empty(); // swept by another instance meanwhile
            throw new UncheckedIOException("cannot read report " + id, e);
        }
    }

    /** Deletes expired reports and temporary files left by a crash; returns how many files went. */
    public int sweep() {
        int deleted = 0;
        Instant now = clock.instant();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    Instant modified = Files.getLastModifiedTime(f).toInstant();
                    boolean stale = name.startsWith(TEMP_PREFIX) ? modified.plus(STALE_TEMP).isBefore(now)
                            : name.endsWith(SUFFIX) && !modified.isAfter(now);
                    if (stale && Files.deleteIfExists(f)) deleted++;
                } catch (NoSuchFileException e) {
                    // another instance swept it
                }
            }
        } catch (IOException e) {
            LOG.warnf("report sweep of %s failed: %s", dir.toAbsolutePath(), e.getClass().getSimpleName());
        }
        return deleted;
    }

    private boolean expired(Path file) throws IOException {
        return !Files.getLastModifiedTime(file).toInstant().isAfter(clock.instant());
    }

    private Path file(String id) {
        return dir.resolve(id + SUFFIX);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the sweep takes it later
        }
    }
}
