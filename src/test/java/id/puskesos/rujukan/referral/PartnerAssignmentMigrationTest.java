package id.puskesos.rujukan.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Partner referrals running when the case file starts recording which instance works on which program (migration
 * V14) get their program from what their process variable names at the upgrade: the program they were sent for,
 * or the one a redirect or alternative moved them to. Finished instances and the referral process itself get none.
 */
class PartnerAssignmentMigrationTest {

  @Test
  void runningPartnerReferralsAreAssignedTheProgramTheyWorkOn() {
    DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:assignment-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(db).locations("classpath:db/migration").target("13").load().migrate();
    JdbcClient jdbc = JdbcClient.create(db);
    jdbc.sql("INSERT INTO partner (code, name, candidate_group, government, updated_at, updated_by) "
        + "VALUES ('DINSOS', 'Dinas Sosial', 'dinsos', TRUE, CURRENT_TIMESTAMP, 'uji')").update();
    for (String code : new String[] {"BPNT", "PKH", "UJI"}) {
      jdbc.sql("INSERT INTO program (code, name, partner_code, aid_kind, unit, budget_period, requires_dtks, active, "
          + "updated_at, updated_by) VALUES (?, ?, 'DINSOS', 'CASH', 'Rp', 'MONTH', TRUE, TRUE, CURRENT_TIMESTAMP, "
          + "'uji')").params(code, code).update();
    }
    jdbc.sql("INSERT INTO resident (nik, kk_number, full_name, birth_date, sex, address, rt, rw, kelurahan, "
        + "created_at, updated_at) VALUES ('3273014507850001', '3273010101080002', 'Warga', DATE '1985-07-05', 'P', "
        + "'Jl. Uji', '1', '1', 'Lebak Siliwangi', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").update();
    long resident = jdbc.sql("SELECT id FROM resident").query(Long.class).single();
    for (String number : new String[] {"RJK-2026-000001", "RJK-2026-000002"}) {
      jdbc.sql("INSERT INTO referral (referral_number, resident_id, channel, urgent, status, stage, received_at, "
          + "received_by) VALUES (?, ?, 'WALK_IN', FALSE, 'OPEN', 'PARTNER_DECISION', CURRENT_TIMESTAMP, 'fo')")
          .params(number, resident).update();
    }
    // case 1: BPNT sent to pi-1; PKH redirected in pi-2 to UJI (its variable names UJI now)
    program(jdbc, "RJK-2026-000001", "BPNT");
    program(jdbc, "RJK-2026-000001", "PKH");
    program(jdbc, "RJK-2026-000001", "UJI");
    // case 2: its BPNT partner referral has finished; the referral process itself holds a programCode too
    program(jdbc, "RJK-2026-000002", "BPNT");
    definition(jdbc, "pd-partner", "partner-referral");
    definition(jdbc, "pd-referral", "referral");
    instance(jdbc, "pi-1", "pd-partner", "RJK-2026-000001", "BPNT");
    instance(jdbc, "pi-2", "pd-partner", "RJK-2026-000001", "UJI");
    instance(jdbc, "pi-3", "pd-referral", "RJK-2026-000002", "BPNT");

    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

    Map<String, Object> assigned = new HashMap<>();
    jdbc.sql("SELECT referral_number, program_code, partner_instance_id FROM program_referral").query()
        .listOfRows().forEach(r -> assigned.put(r.get("REFERRAL_NUMBER") + " " + r.get("PROGRAM_CODE"),
            r.get("PARTNER_INSTANCE_ID")));
    assertThat(assigned).containsEntry("RJK-2026-000001 BPNT", "pi-1").containsEntry("RJK-2026-000001 UJI", "pi-2")
        .containsEntry("RJK-2026-000001 PKH", null).containsEntry("RJK-2026-000002 BPNT", null);
  }

  private static void program(JdbcClient jdbc, String number, String code) {
    jdbc.sql("INSERT INTO program_referral (referral_number, program_code, partner_code, status, referred_at, "
        + "referred_by) VALUES (?, ?, 'DINSOS', 'REFERRED', CURRENT_TIMESTAMP, 'sistem')").params(number, code)
        .update();
  }

  private static void definition(JdbcClient jdbc, String id, String key) {
    jdbc.sql("INSERT INTO ACT_RE_PROCDEF (ID_, KEY_, VERSION_) VALUES (?, ?, 1)").params(id, key).update();
  }

  /** A running process instance (its root execution) with the variable programCode. */
  private static void instance(JdbcClient jdbc, String id, String definition, String businessKey, String program) {
    jdbc.sql("INSERT INTO ACT_RU_EXECUTION (ID_, REV_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_, IS_ACTIVE_, "
        + "IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_) VALUES (?, 1, ?, ?, ?, TRUE, FALSE, TRUE, "
        + "FALSE, 1)").params(id, id, businessKey, definition).update();
    jdbc.sql("INSERT INTO ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, EXECUTION_ID_, PROC_INST_ID_, VAR_SCOPE_, TEXT_) "
        + "VALUES (?, 1, 'string', 'programCode', ?, ?, ?, ?)").params("var-" + id, id, id, id, program).update();
  }
}
