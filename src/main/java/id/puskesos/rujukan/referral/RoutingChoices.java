package id.puskesos.rujukan.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing's choices for a case, per confirmed need: the program chosen, the alternatives in the order they are
 * tried, what the chosen program already answers, what was excluded and why, and what was tried and did not deliver.
 * This is the routing explanation staff read on the case.
 */
@Repository
@Transactional
public class RoutingChoices {

  /** What a program is for a need of the case. */
  public enum Role {
    /** Chosen for the need and sent to its partner. */
    CHOSEN("dipilih"),
    /** Tried next, in rank order, should the chosen program not deliver. */
    ALTERNATIVE("alternatif"),
    /** The need is answered by a program chosen for another need. */
    COVERED("sudah dijawab program lain"),
    /** Fits the table but may not receive the case (reason given). */
    EXCLUDED("tidak dikirim"),
    /** Chosen earlier; rejected, too long a wait, no decision in time, or held back: the next one took over. */
    TRIED("sudah dicoba"),
    /** Chosen by hand by the back office or the koordinator, with a reason. */
    MANUAL("ditambahkan manual");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Whether the program stands for the need: chosen for it, answering it too, or added by hand. */
    public boolean answers() {
      return this == CHOSEN || this == COVERED || this == MANUAL;
    }
  }

  /**
   * One line of the explanation; {@code need} is null for a program chosen by hand. {@code fund}: ZAKAT or INFAQ for
   * the lines the table says so of (null otherwise); {@code asnaf}: which of the eight asnaf a zakat line serves the
   * household as (FAKIR, MISKIN, GHARIMIN, ...).
   */
  public record Choice(long id, String need, String programCode, int rank, Role role, String reason, String fund,
      String asnaf) {

    public Choice(long id, String need, String programCode, int rank, Role role, String reason) {
      this(id, need, programCode, rank, role, reason, null, null);
    }
  }

  /** Where a zakat institution's line is paid from, as the eligibility table says. */
  public enum Fund {
    ZAKAT("zakat"), INFAQ("infak/sedekah");

    private final String label;

    Fund(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The fund of a code, or null for none or an unknown code. */
    public static Fund of(String code) {
      for (Fund fund : values()) {
        if (fund.name().equals(code)) {
          return fund;
        }
      }
      return null;
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  public RoutingChoices(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void add(String referralNumber, String need, String programCode, int rank, Role role, String reason,
      String actor) {
    add(referralNumber, need, programCode, rank, role, reason, null, null, actor);
  }

  /** A line with the fund and asnaf the table gave it (both null where it gave none). */
  public void add(String referralNumber, String need, String programCode, int rank, Role role, String reason,
      String fund, String asnaf, String actor) {
    jdbc.sql("""
        INSERT INTO routing_choice (referral_number, need, program_code, choice_rank, role, reason, fund, asnaf,
                                    updated_at, updated_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(referralNumber, need, programCode, rank, role.name(), truncate(reason), fund, asnaf,
            OffsetDateTime.now(clock), actor)
        .update();
  }

  public void set(long id, Role role, String reason, String actor) {
    jdbc.sql("UPDATE routing_choice SET role = ?, reason = COALESCE(?, reason), updated_at = ?, updated_by = ? WHERE id = ?")
        .params(role.name(), truncate(reason), OffsetDateTime.now(clock), actor, id).update();
  }

  /** The case's choices, need by need, in the order they are tried. */
  @Transactional(readOnly = true)
  public List<Choice> of(String referralNumber) {
    return jdbc.sql("""
        SELECT id, need, program_code, choice_rank, role, reason, fund, asnaf FROM routing_choice
        WHERE referral_number = ?
        ORDER BY need, choice_rank, id""")
        .param(referralNumber).query(RoutingChoices::map).list();
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
  }

  private static Choice map(ResultSet rs, int row) throws SQLException {
    return new Choice(rs.getLong("id"), rs.getString("need"), rs.getString("program_code"), rs.getInt("choice_rank"),
        Role.valueOf(rs.getString("role")), rs.getString("reason"), rs.getString("fund"), rs.getString("asnaf"));
  }
}
