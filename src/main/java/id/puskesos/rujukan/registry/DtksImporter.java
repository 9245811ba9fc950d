package id.puskesos.rujukan.registry;
// Size: one streaming import: batches, idempotent rows, rejects and the correction history share one set of rules.

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.common.PersonalData;

/**
 * Imports a DTKS/DTSEN extract ({@link DtksExtract}) into the registry: streaming, in batches that commit on
 * their own, idempotent (a row that changes nothing writes nothing, so the same file twice changes nothing and an
 * interrupted import is simply run again). Bad rows go to the import's rejects with their row number and reason;
 * the good rows land. Every created record and every changed field is in the correction history.
 *
 * <p>What the extract says wins for identity and the DTKS/DTSEN facts. For the address and the deceased flag,
 * a field verification by the Puskesos newer than the extract's update date wins: an old extract does not undo
 * what a fasilitator saw. National program membership goes to {@link NationalMemberships}.
 */
@Service
public class DtksImporter {

  private static final Logger LOG = LoggerFactory.getLogger(DtksImporter.class);
  private static final String SOURCE = ChangeSource.IMPORT.name();
  private static final String INSERT_COLUMNS = """
      nik, kk_number, full_name, name_key, birth_date, sex, family_relationship, address, rt, rw, kelurahan,
      dtks_status, desil, registry_updated_on, deceased, created_import_id, created_at, updated_at""";

  /** An import's figures; {@code status} RUNNING, DONE or FAILED. */
  public record Summary(long importId, String fileName, String status, long rowsRead, long created, long updated,
      long unchanged, long rejected, long warned, long duplicatesFlagged, OffsetDateTime startedAt,
      OffsetDateTime finishedAt, String message) {

    public Duration took() {
      return Duration.between(startedAt, finishedAt == null ? OffsetDateTime.now() : finishedAt);
    }
  }

  private final DtksExtract extract;
  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final RegistrySettings settings;
  private final NationalMemberships memberships;
  private final Clock clock;

  public DtksImporter(DtksExtract extract, JdbcTemplate jdbcTemplate, JdbcClient jdbc,
      PlatformTransactionManager transactionManager, RegistrySettings settings, NationalMemberships memberships,
      Clock clock) {
    this.extract = extract;
    this.memberships = memberships;
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.settings = settings;
    this.clock = clock;
  }

  /** Registers an import of the file (its name and checksum) before it runs; returns its id. */
  public long register(Path file, String fileName, String actor) {
    String sha256 = sha256(file);
    jdbc.sql("""
        INSERT INTO registry_import (file_name, file_sha256, started_at, started_by, status)
        VALUES (?, ?, ?, ?, 'RUNNING')""")
        .params(clip(fileName, 200), sha256, OffsetDateTime.now(clock), actor).update();
    return jdbc.sql("SELECT MAX(id) FROM registry_import WHERE file_sha256 = ?").param(sha256)
        .query(Long.class).single();
  }

  /**
   * Runs a registered import; progress (rows read so far) is reported after every committed batch. A reader thread
   * parses and checks the rows while this thread writes the previous batch, so both cores work.
   */
  public Summary run(long importId, Path file, String actor, Consumer<Summary> progress) {
    String fileName = summary(importId).fileName();
    BlockingQueue<Batch> ready = new ArrayBlockingQueue<>(2);
    AtomicReference<Exception> readFailure = new AtomicReference<>();
    AtomicReference<NationalMemberships.Seen> seen = new AtomicReference<>();
    Thread reader = new Thread(() -> read(importId, file, actor, fileName, ready, readFailure, seen), "dtks-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      Batch batch;
      while ((batch = ready.take()) != Batch.END) {
        flush(batch, seen.get());
        progress.accept(summary(importId));
      }
      if (readFailure.get() != null) {
        throw readFailure.get();
      }
      int ended = transaction.execute(status -> memberships.endMissing(importId, seen.get(),
          "Impor DTKS/DTSEN #%d (%s)".formatted(importId, fileName), Timestamp.from(Instant.now(clock))));
      LOG.info("DTKS import #{}: {} national program memberships ended", importId, ended);
      jdbc.sql("UPDATE registry_import SET status = 'DONE', finished_at = ? WHERE id = ?")
          .params(OffsetDateTime.now(clock), importId).update();
      Summary done = summary(importId);
      LOG.info("DTKS import #{} done: {} rows, {} created, {} updated, {} unchanged, {} rejected in {} s", importId,
          done.rowsRead(), done.created(), done.updated(), done.unchanged(), done.rejected(),
          done.took().toSeconds());
      return done;
    } catch (Exception e) {
      reader.interrupt();
      String message = e instanceof InvalidInputException ? e.getMessage() : "Impor gagal: " + e.getMessage();
      jdbc.sql("UPDATE registry_import SET status = 'FAILED', finished_at = ?, message = ? WHERE id = ?")
          .params(OffsetDateTime.now(clock), clip(message, 1000), importId).update();
      LOG.error("DTKS import #{} failed", importId, e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new IllegalStateException(message, e);
    }
  }

  /** The reader: parses and checks rows, hands them over in batches, ends with {@link Batch#END}. */
  private void read(long importId, Path file, String actor, String fileName, BlockingQueue<Batch> ready,
      AtomicReference<Exception> failure, AtomicReference<NationalMemberships.Seen> memberSeen) {
    try (DtksExtract.Records in = DtksExtract.records(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      Map<String, Integer> positions = extract.header(in);
      memberSeen.set(new NationalMemberships.Seen(DtksExtract.membershipPrograms(positions)));
      NikRows seen = new NikRows();
      String reason = "Impor DTKS/DTSEN #%d (%s)".formatted(importId, fileName);
      Batch batch = new Batch(importId, actor, reason);
      long rowNumber = 1;
      List<String> fields;
      while ((fields = in.next()) != null) {
        rowNumber++;
        if (fields.size() == 1 && fields.get(0).isBlank()) {
          continue;
        }
        DtksExtract.Parsed parsed = extract.parse(rowNumber, fields, positions);
        if (parsed.row() == null) {
          batch.reject(rowNumber, parsed.nik(), parsed.rejection());
        } else {
          long earlier = seen.putIfAbsent(parsed.row().nik(), (int) rowNumber);
          if (earlier >= 0) {
            batch.reject(rowNumber, parsed.nik(), "NIK sama dengan baris " + earlier);
          } else {
            batch.add(parsed.row());
          }
        }
        batch.rowsRead = rowNumber - 1;
        if (batch.size() >= settings.getImportBatchSize()) {
          ready.put(batch);
          batch = new Batch(importId, actor, reason);
          batch.rowsRead = rowNumber - 1;
        }
      }
      ready.put(batch);
    } catch (Exception e) {
      failure.set(e);
    } finally {
      try {
        ready.put(Batch.END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public Summary summary(long importId) {
    return jdbc.sql("""
        SELECT id, file_name, status, rows_read, rows_created, rows_updated, rows_unchanged, rows_rejected,
               rows_warned, duplicates_flagged, started_at, finished_at, message
        FROM registry_import WHERE id = ?""")
        .param(importId)
        .query((rs, row) -> new Summary(rs.getLong("id"), rs.getString("file_name"), rs.getString("status"),
            rs.getLong("rows_read"), rs.getLong("rows_created"), rs.getLong("rows_updated"),
            rs.getLong("rows_unchanged"), rs.getLong("rows_rejected"), rs.getLong("rows_warned"),
            rs.getLong("duplicates_flagged"), rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
            rs.getString("message")))
        .optional()
        .orElseThrow(() -> new NotFoundException("Impor " + importId + " tidak ditemukan"));
  }

  /** The rejected rows of an import, in file order: row number, masked NIK, reason. */
  public List<String[]> rejects(long importId) {
    return jdbc.sql("""
        SELECT row_number, nik_masked, reason FROM registry_import_reject WHERE import_id = ? ORDER BY row_number""")
        .param(importId)
        .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
  }

  /** The rejects report as CSV (baris, nik, alasan), for the operator to fix the rows in the source file. */
  public String rejectsCsv(long importId) {
    StringBuilder csv = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      printer.printRecord("baris", "nik", "alasan");
      for (String[] reject : rejects(importId)) {
        printer.printRecord((Object[]) reject);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return csv.toString();
  }

  /** Writes one batch in one transaction: new records, changed fields with history, rejects and the counters. */
  private void flush(Batch batch, NationalMemberships.Seen seen) {
    transaction.executeWithoutResult(status -> {
      Map<String, Resident> existing = existing(batch.rows);
      OffsetDateTime now = OffsetDateTime.now(clock);
      Timestamp at = Timestamp.from(now.toInstant());
      List<DtksExtract.Row> created = new ArrayList<>();
      List<Object[]> updates = new ArrayList<>();
      List<Object[]> changes = new ArrayList<>();
      long unchanged = 0;
      long warned = 0;
      for (DtksExtract.Row row : batch.rows) {
        warned += row.warned() ? 1 : 0;
        Resident current = existing.get(row.nik());
        if (current == null) {
          created.add(row);
          continue;
        }
        Map<ResidentField, Object> target = target(current, row);
        List<Object[]> rowChanges = changes(current, target, batch, row.number(), at);
        if (rowChanges.isEmpty()) {
          unchanged++;
        } else {
          changes.addAll(rowChanges);
          updates.add(updateParams(current.id(), target, at));
        }
      }
      insert(created, batch.importId, at);
      memberships.record(batch.importId, batch.rows, seen, at);
      jdbcTemplate.batchUpdate("""
          UPDATE resident SET kk_number = ?, full_name = ?, name_key = ?, birth_date = ?, sex = ?,
                 family_relationship = ?, address = ?, rt = ?, rw = ?, kelurahan = ?, dtks_status = ?, desil = ?,
                 registry_updated_on = ?, deceased = ?, updated_at = ?
          WHERE id = ?""", updates);
      jdbcTemplate.batchUpdate("""
          INSERT INTO resident_change (resident_id, changed_at, changed_by, source, field, old_value, new_value, reason)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", changes);
      jdbcTemplate.batchUpdate("""
          INSERT INTO registry_import_reject (import_id, row_number, nik_masked, reason) VALUES (?, ?, ?, ?)""",
          batch.rejects);
      jdbc.sql("""
          UPDATE registry_import SET rows_read = ?, rows_created = rows_created + ?, rows_updated = rows_updated + ?,
                 rows_unchanged = rows_unchanged + ?, rows_rejected = rows_rejected + ?, rows_warned = rows_warned + ?
          WHERE id = ?""")
          .params(batch.rowsRead, created.size(), updates.size(), unchanged, batch.rejects.size(), warned,
              batch.importId)
          .update();
    });
  }

  /**
   * The records of the batch's NIKs: the array is unnested and joined on the NIK index (H2 scans the table for an
   * IN list or {@code = ANY} of thousands of values).
   */
  private Map<String, Resident> existing(List<DtksExtract.Row> rows) {
    Map<String, Resident> byNik = new HashMap<>();
    if (rows.isEmpty()) {
      return byNik;
    }
    String[] niks = rows.stream().map(DtksExtract.Row::nik).toArray(String[]::new);
    jdbcTemplate.query(connection -> {
      var statement = connection.prepareStatement(
          "SELECT r.* FROM UNNEST(?) AS batch(nik) JOIN resident r ON r.nik = batch.nik");
      statement.setArray(1, connection.createArrayOf("VARCHAR", niks));
      return statement;
    }, rs -> {
      Resident r = Registry.map(rs, 0);
      byNik.put(r.nik(), r);
    });
    return byNik;
  }

  /**
   * New records; their creation is the import's (see {@link Registry#history}), so no history row each. On
   * PostgreSQL they go in with COPY, several times faster than batched inserts.
   */
  private void insert(List<DtksExtract.Row> rows, long importId, Timestamp at) {
    if (rows.isEmpty()) {
      return;
    }
    Boolean copied = jdbcTemplate.execute((Connection connection) -> {
      if (!connection.isWrapperFor(PGConnection.class)) {
        return false;
      }
      try {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY resident (" + INSERT_COLUMNS
            + ") FROM STDIN WITH (FORMAT csv)", new StringReader(copyData(rows, importId, at.toInstant())));
      } catch (IOException e) {
        throw new SQLException(e);
      }
      return true;
    });
    if (Boolean.TRUE.equals(copied)) {
      return;
    }
    List<Object[]> params = new ArrayList<>(rows.size());
    for (DtksExtract.Row r : rows) {
      params.add(new Object[] {r.nik(), r.kkNumber(), r.fullName(), NameKey.of(r.fullName()),
          Date.valueOf(r.birthDate()), r.sex().name(), r.relationship(), r.address(), r.rt(), r.rw(), r.kelurahan(),
          r.status().name(), r.desil(), Date.valueOf(r.updatedOn()), r.deceased(), importId, at, at});
    }
    jdbcTemplate.batchUpdate("INSERT INTO resident (" + INSERT_COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", params);
  }

  /**
   * The new records as COPY's CSV ({@code INSERT_COLUMNS} in order): every value quoted, a null unquoted and empty,
   * which COPY reads as NULL.
   */
  static String copyData(List<DtksExtract.Row> rows, long importId, Instant at) throws IOException {
    StringBuilder csv = new StringBuilder(rows.size() * 200);
    try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
      for (DtksExtract.Row r : rows) {
        printer.printRecord(r.nik(), r.kkNumber(), r.fullName(), NameKey.of(r.fullName()), r.birthDate(),
            r.sex().name(), r.relationship(), r.address(), r.rt(), r.rw(), r.kelurahan(), r.status().name(),
            r.desil(), r.updatedOn(), r.deceased(), importId, at, at);
      }
    }
    return csv.toString();
  }

  /** The field changes this row makes to the record, as history rows. */
  private static List<Object[]> changes(Resident current, Map<ResidentField, Object> target, Batch batch,
      long rowNumber, Timestamp at) {
    List<Object[]> changes = new ArrayList<>();
    for (Map.Entry<ResidentField, Object> field : target.entrySet()) {
      Object old = current.value(field.getKey());
      Object now = field.getValue();
      boolean same = old instanceof Number a && now instanceof Number b ? a.longValue() == b.longValue()
          : Objects.equals(old, now);
      if (!same) {
        changes.add(new Object[] {current.id(), at, batch.actor, SOURCE, field.getKey().name(),
            old == null ? null : old.toString(), now == null ? null : now.toString(),
            batch.reason + ", baris " + rowNumber});
      }
    }
    return changes;
  }

  /** The values the record should have after this row, by the import's rules of who wins. */
  private static Map<ResidentField, Object> target(Resident current, DtksExtract.Row row) {
    boolean fieldVerifiedLater = current.verifiedAt() != null
        && current.verifiedAt().toLocalDate().isAfter(row.updatedOn());
    Map<ResidentField, Object> target = new LinkedHashMap<>();
    target.put(ResidentField.KK_NUMBER, row.kkNumber());
    target.put(ResidentField.FULL_NAME, row.fullName());
    target.put(ResidentField.BIRTH_DATE, row.birthDate());
    target.put(ResidentField.SEX, row.sex().name());
    target.put(ResidentField.FAMILY_RELATIONSHIP, row.relationship());
    target.put(ResidentField.ADDRESS, fieldVerifiedLater ? current.address() : row.address());
    target.put(ResidentField.RT, fieldVerifiedLater ? current.rt() : row.rt());
    target.put(ResidentField.RW, fieldVerifiedLater ? current.rw() : row.rw());
    target.put(ResidentField.KELURAHAN, fieldVerifiedLater ? current.kelurahan() : row.kelurahan());
    target.put(ResidentField.DTKS_STATUS, row.status().name());
    target.put(ResidentField.DESIL, row.desil());
    target.put(ResidentField.REGISTRY_UPDATED_ON, row.updatedOn());
    target.put(ResidentField.DECEASED, fieldVerifiedLater ? current.deceased() : row.deceased());
    return target;
  }

  private static Object[] updateParams(long residentId, Map<ResidentField, Object> t, Timestamp at) {
    return new Object[] {t.get(ResidentField.KK_NUMBER), t.get(ResidentField.FULL_NAME),
        NameKey.of((String) t.get(ResidentField.FULL_NAME)),
        Date.valueOf((LocalDate) t.get(ResidentField.BIRTH_DATE)), t.get(ResidentField.SEX),
        t.get(ResidentField.FAMILY_RELATIONSHIP), t.get(ResidentField.ADDRESS), t.get(ResidentField.RT),
        t.get(ResidentField.RW), t.get(ResidentField.KELURAHAN), t.get(ResidentField.DTKS_STATUS),
        t.get(ResidentField.DESIL), Date.valueOf((LocalDate) t.get(ResidentField.REGISTRY_UPDATED_ON)),
        t.get(ResidentField.DECEASED), at, residentId};
  }

  static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  /** Rows waiting to be written, and the rejected rows of the same stretch of the file. */
  private static final class Batch {
    /** Marks the end of the file. */
    static final Batch END = new Batch(0, null, null);

    final long importId;
    final String actor;
    final String reason;
    final List<DtksExtract.Row> rows = new ArrayList<>();
    final List<Object[]> rejects = new ArrayList<>();
    long rowsRead;

    Batch(long importId, String actor, String reason) {
      this.importId = importId;
      this.actor = actor;
      this.reason = reason;
    }

    void add(DtksExtract.Row row) {
      rows.add(row);
    }

    void reject(long rowNumber, String nik, String reason) {
      rejects.add(new Object[] {importId, rowNumber, nik == null ? null : PersonalData.maskNik(nik),
          clip(reason, 1000)});
    }

    int size() {
      return rows.size() + rejects.size();
    }
  }
}
