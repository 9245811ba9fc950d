package id.puskesos.rujukan.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import id.puskesos.rujukan.referral.Stage;

/**
 * The board's time per stage as the database computes it equals {@link StageTimes} on the same timeline entries: the
 * next entry ends a stage, the case's end the last one, "Selesai" and unknown entries are no stage of their own, a
 * stage ending before it began is left out and counted, medians of even and odd counts, the 90th percentile's rank.
 */
class StageTimesQueryTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-03-02T08:00:00+07:00");
  private static final OffsetDateTime NOW = T.plusDays(40);
  private static final String LEBAK_SILIWANGI = "3273021006";

  private final List<StageTimes.Entry> entries = new ArrayList<>();
  private final Map<String, OffsetDateTime> endOf = new HashMap<>();
  private JdbcClient jdbc;

  @Test
  void theDatabaseComputesTheSameFiguresAsStageTimes() {
    DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:stages-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(db);
    jdbc.sql("INSERT INTO resident (nik, kk_number, full_name, birth_date, sex, address, rt, rw, kelurahan, "
        + "created_at, updated_at) VALUES ('3273014507850001', '3273010101080002', 'Warga', DATE '1985-07-05', 'P', "
        + "'Jl. Uji', '1', '1', 'Lebak Siliwangi', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").update();
    // thirteen cases with verification spells of 1..13 h and 37 s (odd count, nearest rank 12 of 13 for p90), closed
    for (int i = 1; i <= 13; i++) {
      String number = "C" + i;
      kase(number, T.plusHours(i * 24L), T.plusHours(i * 24L + i + 30));
      event(number, "INTAKE_RECEIVED", "Pengaduan diterima (Datang langsung): Pangan", T.plusHours(i * 24L));
      event(number, "STAGE_ENTERED", "Tahap: Verifikasi dan validasi", T.plusHours(i * 24L).plusMinutes(7));
      event(number, "STAGE_ENTERED", "Tahap: Asesmen kebutuhan",
          T.plusHours(i * 24L + i).plusMinutes(7).plusSeconds(37));
      event(number, "NOTE_ADDED", "Tahap: Asesmen kebutuhan", T.plusHours(i * 24L + i + 1)); // not a stage entry
      event(number, "STAGE_ENTERED", "Tahap: Tidak dikenal", T.plusHours(i * 24L + i + 2)); // no stage: ignored
      event(number, "STAGE_ENTERED", "Tahap: Selesai", T.plusHours(i * 24L + i + 30));
    }
    // an open case (ends now), its routing entry written with a clock behind (out of order): an even count of routing
    kase("D", T.plusDays(20), null);
    event("D", "STAGE_ENTERED", "Tahap: Penentuan rujukan", T.plusDays(20).plusHours(5));
    event("D", "STAGE_ENTERED", "Tahap: Keputusan mitra", T.plusDays(20).plusHours(3));
    kase("E", T.plusDays(21), null);
    event("E", "STAGE_ENTERED", "Tahap: Penentuan rujukan", T.plusDays(21));
    event("E", "STAGE_ENTERED", "Tahap: Keputusan mitra", T.plusDays(21).plusHours(9).plusMinutes(59));
    kase("F", T.plusDays(22), T.plusDays(23));
    event("F", "STAGE_ENTERED", "Tahap: Penentuan rujukan", T.plusDays(22));
    event("F", "STAGE_ENTERED", "Tahap: Keputusan mitra", T.plusDays(22).plusHours(1));
    // received before the period: not counted
    kase("G", T.minusDays(3), null);
    event("G", "STAGE_ENTERED", "Tahap: Penentuan rujukan", T.minusDays(3));

    // another Puskesos's case in the same period: on its own figures, never on Lebak Siliwangi's
    jdbc.sql("INSERT INTO puskesos (tenant_id, name, kecamatan, created_at, created_by) VALUES ('3273021005', 'Dago', "
        + "'Coblong', CURRENT_TIMESTAMP, 'uji')").update();
    kase("H", T.plusDays(2), null);
    jdbc.sql("UPDATE referral SET tenant_id = '3273021005' WHERE referral_number = 'H'").update();
    jdbc.sql("INSERT INTO referral_event (referral_number, occurred_at, actor, event_type, detail) VALUES ('H', ?, "
        + "'fo', 'STAGE_ENTERED', 'Tahap: Verifikasi dan validasi')").param(T.plusDays(2)).update();

    StageTimesQuery query = new StageTimesQuery(jdbc);
    StageTimesQuery.Result result = query.compute(LEBAK_SILIWANGI, T.minusDays(1), T.plusDays(30), NOW);

    List<StageTimes.Entry> inPeriod = entries.stream().filter(e -> !e.referralNumber().equals("G")).toList();
    assertThat(result.figures()).isEqualTo(StageTimes.compute(inPeriod, endOf)).hasSize(5);
    assertThat(result.outOfOrder()).isEqualTo(StageTimes.outOfOrder(inPeriod, endOf)).isEqualTo(1);
    assertThat(result.figures().get(1)).isEqualTo(new StageTimes.Figure(Stage.VERIFICATION,
        Stage.VERIFICATION.label(), 13, 7.0, 12.0));
    // the city's view ranks each Puskesos apart in one query, to the same figures
    Map<String, StageTimesQuery.Result> city = query.byPuskesos(T.minusDays(1), T.plusDays(30), NOW);
    assertThat(city.get(LEBAK_SILIWANGI)).isEqualTo(result);
    assertThat(city.get("3273021005").figures()).containsExactly(new StageTimes.Figure(Stage.VERIFICATION,
        Stage.VERIFICATION.label(), 1, 38 * 24.0, 38 * 24.0));
  }

  private void kase(String number, OffsetDateTime received, OffsetDateTime closed) {
    jdbc.sql("INSERT INTO referral (referral_number, tenant_id, resident_id, channel, urgent, status, stage, "
        + "received_at, received_by, closed_at) VALUES (?, '3273021006', (SELECT id FROM resident), 'WALK_IN', FALSE, ?,"
        + " 'ROUTING', ?, 'fo', ?)")
        .params(number, closed == null ? "OPEN" : "CLOSED", received, closed).update();
    endOf.put(number, closed == null ? NOW : closed);
  }

  private void event(String number, String type, String detail, OffsetDateTime at) {
    jdbc.sql("INSERT INTO referral_event (referral_number, occurred_at, actor, event_type, detail) "
        + "VALUES (?, ?, 'fo', ?, ?)").params(number, at, type, detail).update();
    Stage stage = detail.startsWith("Pengaduan diterima") ? Stage.INTAKE
        : Stage.labelled(detail.substring("Tahap: ".length()));
    if (stage != null && !type.equals("NOTE_ADDED")) {
      entries.add(new StageTimes.Entry(number, stage, at));
    }
  }
}
