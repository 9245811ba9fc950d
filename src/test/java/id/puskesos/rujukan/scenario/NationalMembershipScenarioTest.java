package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.budget.HouseholdLedger;
import id.puskesos.rujukan.catalogue.BudgetPeriod;
import id.puskesos.rujukan.common.PersonalData;
import id.puskesos.rujukan.registry.DtksExtract;
import id.puskesos.rujukan.registry.DtksImporter;
import id.puskesos.rujukan.registry.NationalMemberships;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.RegistryImports;

/**
 * National program membership from the DTKS/DTSEN extract: a household the extract lists as a PKH recipient is not
 * proposed for PKH again, staff read why, the household's membership and its period show on the case and the
 * resident, and an extract that no longer lists the household ends the membership. Runs on H2 and, in CI, on
 * PostgreSQL.
 */
class NationalMembershipScenarioTest extends ScenarioTestSupport {

  private static final String HEADER = String.join(",", DtksExtract.COLUMNS) + ",pkh,bpnt,pbi_jk,pip,no_kks,"
      + "periode_bansos";

  @Autowired
  private RegistryImports imports;
  @Autowired
  private NationalMemberships memberships;
  @Autowired
  private HouseholdLedger ledger;
  @Autowired
  private Registry registry;

  @TempDir
  Path dir;

  @Test
  void aHouseholdTheExtractListsAsPkhIsNotProposedForPkhAndLeavingTheListEndsIt() throws Exception {
    // given: a mother's case for cash, verified, and an extract listing her household (her husband's row) as PKH
    // and BPNT recipients this quarter, with its KKS number
    Map<String, Object> intake = CaseApi.intake("CASH");
    String kk = (String) intake.get("kkNumber");
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.verifyValid(number);
    String quarter = BudgetPeriod.QUARTER.of(CaseApi.today());
    String kks = "6013%012d".formatted(ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    String listed = row(husband(), kk, "KEPALA_KELUARGA", "Y,Y,T,T," + kks + "," + quarter);
    DtksImporter.Summary first = importExtract("dtks-pkh.csv", listed,
        row(husband(), newKk(), "KEPALA_KELUARGA", "T,T,T,T,,"));
    assertThat(first.status()).isEqualTo("DONE");
    assertThat(first.rejected()).isZero();

    // when: the fasilitator assesses a family with two PKH components that needs cash
    api.assessFamilyOnly(number, false, false, "CASH");

    // then: PKH is not proposed, and the case says why
    String reason = "Keluarga sudah terdaftar sebagai penerima Program Keluarga Harapan (PKH) periode %s "
        .formatted(quarter) + "(data DTKS/DTSEN)";
    assertThat(api.program(number, "PKH").get("status").asText()).isEqualTo("NOT_SENT");
    assertThat(api.program(number, "PKH").get("reason").asText()).isEqualTo(reason);
    assertThat(api.routing(number)).contains("CASH PKH EXCLUDED").doesNotContain("CASH PKH CHOSEN");
    assertThat(api.timeline(number, "PROGRAM_SKIPPED")).anySatisfy(text -> assertThat(text).contains(reason));
    // and the case and the resident show the household's national programs with their period, the KKS masked
    JsonNode view = api.view(number);
    assertThat(view.get("resident").get("nationalPrograms")).extracting(p -> p.get("programCode").asText() + " "
        + p.get("period").asText() + " " + p.get("kksMasked").asText())
        .containsExactly("PKH " + quarter + " " + PersonalData.maskNik(kks),
            "BPNT " + quarter + " " + PersonalData.maskNik(kks));
    assertThat(view.toString()).doesNotContain(kks);
    long resident = registry.findByNik(intake.get("nik").toString()).orElseThrow().id();
    JsonNode record = api.get("fo", "/api/registry/residents/" + resident).getBody();
    assertThat(record.get("nationalPrograms")).extracting(p -> p.get("programCode").asText())
        .containsExactly("PKH", "BPNT");
    assertThat(record.toString()).doesNotContain(kks);
    assertThat(ledger.holdings(kk)).anySatisfy(h -> {
      assertThat(h.programCode()).isEqualTo("PKH");
      assertThat(h.period()).isEqualTo(quarter);
      assertThat(h.source()).isEqualTo(HouseholdLedger.Source.IMPORT);
    });

    // when: the same extract again, then a new extract of the kelurahan without the household
    importExtract("dtks-pkh.csv", listed);
    assertThat(memberships.history(kk)).hasSize(2);
    DtksImporter.Summary later = importExtract("dtks-later.csv",
        row(husband(), newKk(), "KEPALA_KELUARGA", "Y,Y,T,T,," + quarter));

    // then: the membership has ended, kept in the history, and the ledger no longer holds PKH for the household
    assertThat(later.status()).isEqualTo("DONE");
    assertThat(memberships.current(kk)).isEmpty();
    assertThat(memberships.history(kk)).extracting(m -> m.programCode() + " " + m.period() + " " + m.member())
        .containsExactly("PKH " + quarter + " true", "BPNT " + quarter + " true", "PKH " + quarter + " false",
            "BPNT " + quarter + " false");
    assertThat(ledger.holdings(kk)).noneMatch(h -> h.source() == HouseholdLedger.Source.IMPORT);
  }

  @Test
  void membershipOfAProgramNotInTheCatalogueIsKeptAndAnOldExtractEndsNothing() throws Exception {
    // given: a household the extract lists for PBI-JK and PIP, which the catalogue may not have yet
    String kk = newKk();
    importExtract("dtks-pbi.csv", row(husband(), kk, "KEPALA_KELUARGA", "T,T,Y,Y,,2026-11"));
    assertThat(memberships.current(kk)).extracting(m -> m.programCode() + " " + m.period())
        .containsExactly("PBI_JK 2026-11", "PIP 2026-11");

    // when: an extract of the old layout, without the membership columns, of the same kelurahan
    Path old = dir.resolve("dtks-old.csv");
    String oldRow = row(husband(), newKk(), "KEPALA_KELUARGA", "");
    Files.writeString(old, String.join(",", DtksExtract.COLUMNS) + "\n" + oldRow.substring(0, oldRow.length() - 1)
        + "\n", StandardCharsets.UTF_8);
    DtksImporter.Summary summary = imports.importFile(old, "dtks-old.csv", "fo", s -> { });

    // then: it imports, and says nothing about membership
    assertThat(summary.status()).isEqualTo("DONE");
    assertThat(summary.rejected()).isZero();
    assertThat(memberships.current(kk)).hasSize(2);
  }

  private DtksImporter.Summary importExtract(String name, String... rows) throws Exception {
    Path file = dir.resolve(name);
    List<String> lines = new ArrayList<>(List.of(HEADER));
    lines.addAll(List.of(rows));
    Files.write(file, lines, StandardCharsets.UTF_8);
    return imports.importFile(file, name, "fo", s -> { });
  }

  private String husbandNik;
  private LocalDate husbandBorn;

  /** A new man's NIK (Kota Bandung, born 1940-1949, a serial no other test uses), remembered for {@link #row}. */
  private String husband() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    husbandBorn = LocalDate.of(1940 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
    husbandNik = "327301%02d%02d%02d%04d".formatted(husbandBorn.getDayOfMonth(), husbandBorn.getMonthValue(),
        husbandBorn.getYear() % 100, 9000 + random.nextInt(999));
    return husbandNik;
  }

  private String row(String nik, String kk, String relationship, String membership) {
    return String.join(",", nik, kk, "Ujang Suryana", husbandBorn.toString(), "L", relationship,
        "Jl. Tamansari Gg. Sukaasih No. 12", "3", "7", "Lebak Siliwangi", "2", "AKTIF",
        CaseApi.today().minusMonths(2).toString(), "T") + "," + membership;
  }

  private static String newKk() {
    return "327301%010d".formatted(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
  }
}
