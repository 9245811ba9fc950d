package id.puskesos.rujukan.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The household ledger is filled from the cases recorded before it existed (migration V13): what partners still
 * hold or handed over is held for its household, and where two cases of one household already held the same slot in
 * the same month (the double aid the ledger now prevents), the earlier keeps it.
 */
class LedgerMigrationTest {

  @Test
  void casesRecordedBeforeTheLedgerAreReadIntoItTheEarlierKeepingAContestedMonth() {
    // given: a database at the version before the ledger, with a household whose two cases both got BPNT this month
    // (and PKH for one of them), and a rejected program that holds nothing
    DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:ledger-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(db).locations("classpath:db/migration").target("11").load().migrate();
    JdbcClient jdbc = JdbcClient.create(db);
    jdbc.sql("INSERT INTO partner (code, name, candidate_group, government, updated_at, updated_by) "
        + "VALUES ('DINSOS', 'Dinas Sosial', 'dinsos', TRUE, CURRENT_TIMESTAMP, 'uji')").update();
    for (String[] p : List.of(new String[] {"PKH", "QUARTER"}, new String[] {"BPNT", "MONTH"})) {
      jdbc.sql("INSERT INTO program (code, name, partner_code, aid_kind, unit, budget_period, requires_dtks, active, "
          + "updated_at, updated_by) VALUES (?, ?, 'DINSOS', 'CASH', 'Rp', ?, TRUE, TRUE, CURRENT_TIMESTAMP, 'uji')")
          .params(p[0], p[0], p[1]).update();
    }
    long mother = resident(jdbc, "3273014507850001");
    long son = resident(jdbc, "3273010507050002");
    referral(jdbc, "RJK-2026-000001", mother, "2026-11-03T09:00:00+07:00");
    referral(jdbc, "RJK-2026-000002", son, "2026-11-10T09:00:00+07:00");
    program(jdbc, "RJK-2026-000001", "BPNT", "DISTRIBUTED", "2026-11-03T10:00:00+07:00");
    program(jdbc, "RJK-2026-000002", "BPNT", "ACCEPTED", "2026-11-10T10:00:00+07:00");
    program(jdbc, "RJK-2026-000002", "PKH", "REJECTED", "2026-11-10T10:00:00+07:00");

    // when
    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

    // then
    List<Map<String, Object>> aid = jdbc.sql("SELECT referral_number, program_code, period, status FROM household_aid "
        + "ORDER BY id").query().listOfRows();
    assertThat(aid).extracting(r -> r.get("REFERRAL_NUMBER") + " " + r.get("PROGRAM_CODE") + " " + r.get("PERIOD")
        + " " + r.get("STATUS")).containsExactly("RJK-2026-000001 BPNT 2026-11 HANDED_OVER",
            "RJK-2026-000002 BPNT 2026-11 RESERVED");
    assertThat(jdbc.sql("SELECT a.referral_number FROM household_aid_month m JOIN household_aid a ON a.id = m.aid_id "
        + "WHERE m.household_kk = '3273010101080002' AND m.slot = 'SEMBAKO' AND m.aid_month = '2026-11'")
        .query(String.class).list()).containsExactly("RJK-2026-000001");
  }

  private static long resident(JdbcClient jdbc, String nik) {
    jdbc.sql("INSERT INTO resident (nik, kk_number, full_name, birth_date, sex, address, rt, rw, kelurahan, "
        + "created_at, updated_at) VALUES (?, '3273010101080002', 'Warga', DATE '1985-07-05', 'P', 'Jl. Uji', '1', '1', "
        + "'Lebak Siliwangi', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").param(nik).update();
    return jdbc.sql("SELECT id FROM resident WHERE nik = ?").param(nik).query(Long.class).single();
  }

  private static void referral(JdbcClient jdbc, String number, long resident, String at) {
    jdbc.sql("INSERT INTO referral (referral_number, resident_id, channel, urgent, status, stage, received_at, "
        + "received_by) VALUES (?, ?, 'WALK_IN', FALSE, 'OPEN', 'PARTNER_DECISION', CAST(? AS TIMESTAMP WITH TIME ZONE), "
        + "'fo')").params(number, resident, at).update();
  }

  private static void program(JdbcClient jdbc, String number, String code, String status, String at) {
    jdbc.sql("INSERT INTO program_referral (referral_number, program_code, partner_code, status, referred_at, "
        + "referred_by) VALUES (?, ?, 'DINSOS', ?, CAST(? AS TIMESTAMP WITH TIME ZONE), 'sistem')")
        .params(number, code, status, at).update();
  }
}
