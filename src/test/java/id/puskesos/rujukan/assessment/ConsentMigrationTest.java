package id.puskesos.rujukan.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The assessments recorded while the form asked BAZNAS and Salman by name (two flags) keep their answers as partner
 * codes once consent is asked per catalogue partner (migration V23), and the flags go.
 */
class ConsentMigrationTest {

  @Test
  void theTwoFlagsOfEarlierAssessmentsBecomeTheCodesOfThePartnersConsentedTo() {
    // given: a database before V23 with one assessment per combination of the two flags
    DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:consent-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(db).locations("classpath:db/migration").target("22").load().migrate();
    JdbcClient jdbc = JdbcClient.create(db);
    jdbc.sql("INSERT INTO resident (nik, kk_number, full_name, birth_date, sex, address, rt, rw, kelurahan, "
        + "created_at, updated_at) VALUES ('3273014507850001', '3273010101080002', 'Warga', DATE '1985-07-05', 'P', "
        + "'Jl. Uji', '1', '1', 'Lebak Siliwangi', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").update();
    long resident = jdbc.sql("SELECT id FROM resident").query(Long.class).single();
    jdbc.sql("INSERT INTO referral (referral_number, resident_id, channel, urgent, status, stage, received_at, "
        + "received_by) VALUES ('RJK-2026-000001', ?, 'WALK_IN', FALSE, 'OPEN', 'ROUTING', CURRENT_TIMESTAMP, 'fo')")
        .param(resident).update();
    boolean[][] flags = {{true, true}, {true, false}, {false, true}, {false, false}};
    for (boolean[] consent : flags) {
      jdbc.sql("INSERT INTO needs_assessment (referral_number, household_size, monthly_income, pregnant_count, "
          + "children_under6, primary_school_children, junior_school_children, senior_school_children, "
          + "disabled_members, elderly_members, religion, consent_baznas, consent_salman, eligible, assessed_at, "
          + "assessed_by) VALUES ('RJK-2026-000001', 2, 900000, 0, 0, 0, 0, 0, 0, 0, 'ISLAM', ?, ?, TRUE, "
          + "CURRENT_TIMESTAMP, 'fasilitator')").params(consent[0], consent[1]).update();
    }

    // when
    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

    // then
    List<String> consented = jdbc.sql("SELECT consented_partners FROM needs_assessment ORDER BY id")
        .query((rs, row) -> rs.getString(1)).list();
    assertThat(consented).containsExactly("BAZNAS,SALMAN", "BAZNAS", "SALMAN", null);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'NEEDS_ASSESSMENT' "
        + "AND COLUMN_NAME IN ('CONSENT_BAZNAS', 'CONSENT_SALMAN')").query(Long.class).single()).isZero();
  }
}
