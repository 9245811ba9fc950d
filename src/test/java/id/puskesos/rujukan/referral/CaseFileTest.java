package id.puskesos.rujukan.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;
import id.puskesos.rujukan.registry.ResidentDetails;
import id.puskesos.rujukan.registry.Sex;

/** The case file's tables through the project's migrations, on an in-memory H2 of its own. */
class CaseFileTest {

  private static DataSource dataSource;
  private static JdbcClient jdbc;
  private static TransactionTemplate transaction;
  private static final Clock CLOCK = Clock.systemDefaultZone();

  @BeforeAll
  static void migrate() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:case-file-test;DB_CLOSE_DELAY=-1");
    dataSource = h2;
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  private final CaseFile caseFile = new CaseFile(jdbc, CLOCK);
  private final Registry registry = new Registry(jdbc, CLOCK);

  private String openCase(String nik, Need... needs) {
    return transaction.execute(status -> {
      Resident resident = registry.lockOrCreate(new ResidentDetails(nik, "3273010101080002", "Siti Aminah",
          LocalDate.of(1985, 7, 5), Sex.F, "Jl. Tamansari 12", "003", "007", "Lebak Siliwangi", null), "fo", "Pengaduan");
      String number = new ReferralNumbers(jdbc, CLOCK, transaction.getTransactionManager()).next("3273021006");
      caseFile.open(number, "3273021006", resident.id(), new IntakeRecord(Channel.WALK_IN, Set.of(needs), "Butuh bantuan", false),
          "fo");
      return number;
    });
  }

  @Test
  void closingCancelsWhatIsStillWithPartnersAndKeepsWhatWasDelivered() {
    String number = openCase("3273014507850011", Need.FOOD, Need.HEALTH);
    caseFile.referProgram(number, "BPNT", "DINSOS", 200_000L, "Rp200.000 per bulan", "sistem");
    caseFile.referProgram(number, "BAZNAS_SEHAT", "BAZNAS", null, null, "sistem");
    caseFile.referProgram(number, "SALMAN_SEMBAKO", "SALMAN", 2L, null, "sistem");
    caseFile.recordDecision(number, "BPNT", ProgramStatus.ACCEPTED, null, null, "Rp200.000", 200_000L, "dinsos");
    caseFile.recordDistribution(number, "BPNT", new Distribution(LocalDate.now(), 200_000L, null, null, "Kantor pos",
        "Petugas Dinsos", "KKS-1", true, true), "dinsos");
    caseFile.recordDistribution(number, "SALMAN_SEMBAKO", new Distribution(LocalDate.now(), null, "Beras 20 kg", 1L,
        "Puskesos", "Petugas Salman", "BA-1", true, false), "salman");

    caseFile.close(number, Outcome.WITHDRAWN, "Pindah", "fo");

    assertThat(caseFile.programs(number)).extracting(ProgramReferral::programCode, ProgramReferral::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("BPNT", ProgramStatus.DISTRIBUTED),
            org.assertj.core.groups.Tuple.tuple("BAZNAS_SEHAT", ProgramStatus.CANCELLED),
            org.assertj.core.groups.Tuple.tuple("SALMAN_SEMBAKO", ProgramStatus.DISTRIBUTED));
    ReferralRecord closed = caseFile.get(number);
    assertThat(closed.open()).isFalse();
    assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
    assertThat(closed.outcome()).isEqualTo(Outcome.WITHDRAWN);
    assertThat(closed.closedBy()).isEqualTo("fo");
    assertThatThrownBy(() -> caseFile.close(number, Outcome.REJECTED, null, "fo"))
        .hasMessageContaining("tidak terbuka");
  }

  @Test
  void programSkippedForLackOfConsentCanBeReferredLater() {
    String number = openCase("3273014507850012", Need.FOOD);
    caseFile.skipProgram(number, "SALMAN_SEMBAKO", "SALMAN", "Belum setuju", "koordinator");

    caseFile.referProgram(number, "SALMAN_SEMBAKO", "SALMAN", 1L, null, "koordinator");

    // recommended again, then sent to the partner once the case is decided
    assertThat(caseFile.programs(number)).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo(ProgramStatus.RECOMMENDED);
      assertThat(p.statusReason()).isNull();
    });
    caseFile.markSent(number, "SALMAN_SEMBAKO", ProgramStatus.REFERRED);
    assertThat(caseFile.programs(number)).singleElement()
        .satisfies(p -> assertThat(p.status()).isEqualTo(ProgramStatus.REFERRED));
  }

  @Test
  void mergedComplaintAddsOnlyNewNeedsAndMarksTheCaseUrgent() {
    String number = openCase("3273014507850013", Need.FOOD);

    Set<Need> added = caseFile.merge(number, new IntakeRecord(Channel.WHATSAPP, Set.of(Need.FOOD, Need.HOUSING),
        "Atap bocor", true), "fo");

    assertThat(added).containsExactly(Need.HOUSING);
    assertThat(caseFile.needs(number)).containsExactlyInAnyOrder(Need.FOOD, Need.HOUSING);
    assertThat(caseFile.get(number).urgent()).isTrue();
    assertThat(caseFile.timeline(number)).extracting(TimelineEvent::type)
        .containsExactly(EventType.INTAKE_RECEIVED, EventType.INTAKE_MERGED);
  }

  @Test
  void enteringTheSameStageTwiceIsRecordedOnce() {
    String number = openCase("3273014507850014", Need.FOOD);

    caseFile.enterStage(number, Stage.VERIFICATION, "fo");
    caseFile.enterStage(number, Stage.VERIFICATION, "fo");

    assertThat(caseFile.timeline(number)).filteredOn(e -> e.type() == EventType.STAGE_ENTERED).hasSize(1);
  }
}
