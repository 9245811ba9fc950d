package id.puskesos.rujukan.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.RujukanSpringTest;

/**
 * DTKS/DTSEN imports into the running application's registry: bad rows reported, good rows landed, the same file
 * twice changes nothing, an interrupted import re-run loses nothing, changes land with their history, and the
 * operator's HTTP upload.
 */
@RujukanSpringTest
class RegistryImportScenarioTest {

  private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));

  @Autowired
  private RegistryImports imports;
  @Autowired
  private DtksImporter importer;
  @Autowired
  private RegistrySettings settings;
  @Autowired
  private Registry registry;
  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private TestRestTemplate http;

  @TempDir
  Path dir;

  private int batchSize;

  @BeforeEach
  void smallBatches() {
    batchSize = settings.getImportBatchSize();
    settings.setImportBatchSize(500);
  }

  @AfterEach
  void restoreBatches() {
    settings.setImportBatchSize(batchSize);
  }

  private Path extract(long seed, int rows) {
    Path file = dir.resolve("dtks-" + seed + ".csv");
    extract(file, seed, rows);
    return file;
  }

  /** An extract whose NIKs no other test uses: serials from 1000 per seed (the scenario tests stay below 1000). */
  private DtksExtractGenerator.Expected extract(Path file, long seed, int rows) {
    return new DtksExtractGenerator(seed, 0.03, 0.01, TODAY, (int) (seed % 9) * 1000 + 1000).write(file, rows);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @Test
  void goodRowsLandBadRowsAreReportedAndTheSameFileTwiceChangesNothing() {
    Path file = dir.resolve("dtks.csv");
    DtksExtractGenerator.Expected expected = extract(file, 11, 3000);
    long residentsBefore = count("SELECT COUNT(*) FROM resident");

    DtksImporter.Summary first = imports.importFile(file, "dtks.csv", "fo", s -> { });

    long valid = 3000 - expected.badRows().size();
    assertThat(first.status()).isEqualTo("DONE");
    assertThat(first.rowsRead()).isEqualTo(3000);
    assertThat(first.created()).isEqualTo(valid);
    assertThat(first.rejected()).isEqualTo(expected.badRows().size());
    assertThat(count("SELECT COUNT(*) FROM resident")).isEqualTo(residentsBefore + valid);
    assertThat(importer.rejects(first.importId())).extracting(reject -> Long.parseLong(reject[0]))
        .containsExactlyElementsOf(expected.badRows().keySet());
    assertThat(importer.rejects(first.importId())).allSatisfy(reject -> assertThat(reject[2]).isNotBlank());
    assertThat(first.duplicatesFlagged()).isGreaterThanOrEqualTo(expected.duplicates());
    long history = count("SELECT COUNT(*) FROM resident_change");

    DtksImporter.Summary second = imports.importFile(file, "dtks.csv", "fo", s -> { });

    assertThat(second.created()).isZero();
    assertThat(second.updated()).isZero();
    assertThat(second.unchanged()).isEqualTo(valid);
    assertThat(second.duplicatesFlagged()).isZero();
    assertThat(count("SELECT COUNT(*) FROM resident")).isEqualTo(residentsBefore + valid);
    assertThat(count("SELECT COUNT(*) FROM resident_change")).isEqualTo(history);
  }

  @Test
  void interruptedImportRunAgainLosesNothing() {
    Path file = dir.resolve("dtks.csv");
    long cleanImportCreates = 3000 - extract(file, 12, 3000).badRows().size();
    long residentsBefore = count("SELECT COUNT(*) FROM resident");
    AtomicInteger batches = new AtomicInteger();

    assertThatThrownBy(() -> imports.importFile(file, "dtks.csv", "fo", s -> {
      if (batches.incrementAndGet() == 2) {
        throw new IllegalStateException("listrik padam");
      }
    })).hasMessageContaining("listrik padam");
    long landedBeforeTheCut = count("SELECT COUNT(*) FROM resident") - residentsBefore;
    assertThat(landedBeforeTheCut).isPositive().isLessThan(cleanImportCreates);
    assertThat(jdbc.sql("SELECT status FROM registry_import ORDER BY id DESC LIMIT 1").query(String.class).single())
        .isEqualTo("FAILED");

    DtksImporter.Summary rerun = imports.importFile(file, "dtks.csv", "fo", s -> { });

    assertThat(rerun.status()).isEqualTo("DONE");
    assertThat(rerun.created() + rerun.unchanged()).isEqualTo(cleanImportCreates);
    assertThat(rerun.unchanged()).isEqualTo(landedBeforeTheCut);
    assertThat(count("SELECT COUNT(*) FROM resident")).isEqualTo(residentsBefore + cleanImportCreates);
  }

  @Test
  void changedRowsUpdateTheRecordWithHistoryButNotWhatAFasilitatorVerifiedLater() throws Exception {
    Path file = extract(13, 200);
    imports.importFile(file, "dtks.csv", "fo", s -> { });
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] first = firstValidRow(lines);
    Resident before = registry.findByNik(first[0]).orElseThrow();
    registry.markVerified(before.id(), "fasilitator", ChangeSource.FIELD_VERIFICATION, "Verifikasi lapangan");
    // the extract, updated earlier than that visit, moves the household and changes its desil
    List<String> changed = new ArrayList<>(lines);
    changed.set(lines.indexOf(String.join(",", first)), String.join(",", first[0], first[1], first[2], first[3],
        first[4], first[5], "Jl. Baru No. 1", first[7], first[8], first[9], first[10].equals("1") ? "2" : "1",
        first[11], TODAY.minusDays(1).toString(), first[13],
        String.join(",", java.util.Arrays.copyOfRange(first, 14, first.length))));
    Files.write(file, changed, StandardCharsets.UTF_8);

    DtksImporter.Summary summary = imports.importFile(file, "dtks.csv", "fo", s -> { });

    assertThat(summary.updated()).isEqualTo(1);
    Resident after = registry.findByNik(first[0]).orElseThrow();
    assertThat(after.address()).as("the fasilitator's visit is newer").isEqualTo(before.address());
    assertThat(after.desil()).isNotEqualTo(before.desil());
    List<ResidentChange> history = registry.history(after.id());
    assertThat(history.get(0).field()).isEqualTo(ResidentChange.CREATED);
    assertThat(history.get(0).reason()).startsWith("Impor DTKS/DTSEN #");
    assertThat(history).anySatisfy(change -> {
      assertThat(change.field()).isEqualTo("DESIL");
      assertThat(change.source()).isEqualTo(ChangeSource.IMPORT);
      assertThat(change.reason()).contains("baris " + (lines.indexOf(String.join(",", first)) + 1));
    });
  }

  @Test
  void fileWithoutTheRequiredColumnsFailsWithTheReason() throws Exception {
    Path file = dir.resolve("salah.csv");
    Files.writeString(file, "nama,nik\nSiti,3273026107900004\n");

    assertThatThrownBy(() -> imports.importFile(file, "salah.csv", "fo", s -> { }))
        .hasMessageContaining("Kolom tidak ada di baris judul");
    assertThat(jdbc.sql("SELECT message FROM registry_import ORDER BY id DESC LIMIT 1").query(String.class)
        .single()).contains("no_kk");
  }

  @Test
  void operatorUploadsAnExtractAndFollowsItsProgress() throws Exception {
    Path file = extract(14, 1200);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("fo", "demo");
    headers.setContentType(MediaType.parseMediaType("text/csv"));

    ResponseEntity<JsonNode> accepted = http.exchange("/api/registry/imports?name=lebak-siliwangi.csv",
        HttpMethod.POST, new HttpEntity<>(Files.readAllBytes(file), headers), JsonNode.class);

    assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    String location = accepted.getHeaders().getLocation().toString();
    await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(get("fo", location).get("status").asText()));
    JsonNode status = get("fo", location);
    assertThat(status.get("fileName").asText()).isEqualTo("lebak-siliwangi.csv");
    assertThat(status.get("rowsRead").asLong()).isEqualTo(1200);
    HttpHeaders fo = new HttpHeaders();
    fo.setBasicAuth("fo", "demo");
    String rejects = http.exchange(location + "/rejects", HttpMethod.GET, new HttpEntity<>(fo), String.class).getBody();
    assertThat(rejects.lines().count()).isEqualTo(1 + status.get("rejected").asLong());
    assertThat(rejects).startsWith("baris,nik,alasan").doesNotContainPattern("\\d{16}");

    HttpHeaders bo = new HttpHeaders();
    bo.setBasicAuth("bo", "demo");
    bo.setContentType(MediaType.parseMediaType("text/csv"));
    assertThat(http.exchange("/api/registry/imports", HttpMethod.POST, new HttpEntity<>("x", bo), JsonNode.class)
        .getStatusCode().value()).isEqualTo(403);
  }

  private JsonNode get(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class).getBody();
  }

  /** The first row of the file that landed in the registry as it stands in the file. */
  private String[] firstValidRow(List<String> lines) {
    return lines.stream().skip(1).map(line -> line.split(",", -1))
        .filter(f -> f.length == DtksExtractGenerator.header().size() && registry.findByNik(f[0]).map(r -> r.fullName().equals(f[2])).orElse(false))
        .findFirst().orElseThrow();
  }
}
