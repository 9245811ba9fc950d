package id.puskesos.rujukan.proposal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.PartnerReferralProcess;

/**
 * A decision list matched and decided with a handful of statements for the whole list, not several per row (a
 * city's list is 100,000 rows): the proposals waiting for the list's households are read with one query, together
 * with their partner-referral instance and whether it waits for the decision; the rows are matched in file order in
 * memory; the decisions are written in two batches of conditional updates, which still hold a proposal decided once
 * when two imports run at the same time.
 */
@Component
class DecisionList {

  /** A proposal waiting for its decision, as the list's rows find it (changed in memory by earlier rows). */
  static final class Waiting {
    final long id;
    final String referralNumber;
    final String programCode;
    final String partnerInstance;
    final boolean waits;
    String period;
    boolean decided;

    Waiting(long id, String referralNumber, String programCode, String period, String partnerInstance,
        boolean waits) {
      this.id = id;
      this.referralNumber = referralNumber;
      this.programCode = programCode;
      this.period = period;
      this.partnerInstance = partnerInstance;
      this.waits = waits;
    }
  }

  /** A row's decision of a waiting proposal; {@code periodBefore}: the period it was carried from (carried only). */
  record Decision(Waiting proposal, ProposalBatches.ListedStatus status, String reason, String periodBefore,
      String periodAfter) {
  }

  private final JdbcTemplate jdbc;

  DecisionList(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The proposals still PROPOSED of these households, per household and program ("KK|PROGRAM"), oldest first. */
  Map<String, List<Waiting>> waiting(Collection<String> households) {
    Map<String, List<Waiting>> waiting = new HashMap<>();
    if (households.isEmpty()) {
      return waiting;
    }
    jdbc.query(connection -> {
      PreparedStatement statement = connection.prepareStatement("""
          SELECT p.id, p.household_kk, p.program_code, p.referral_number, p.period, pr.partner_instance_id,
                 CASE WHEN EXISTS (SELECT 1 FROM ACT_RU_EVENT_SUBSCR s
                                   WHERE s.PROC_INST_ID_ = pr.partner_instance_id AND s.EVENT_TYPE_ = 'message'
                                     AND s.EVENT_NAME_ = ?) THEN 1 ELSE 0 END AS waits
          FROM UNNEST(?) AS list(kk)
          JOIN proposal p ON p.household_kk = list.kk
          LEFT JOIN program_referral pr ON pr.referral_number = p.referral_number
                                       AND pr.program_code = p.program_code
          WHERE p.status = 'PROPOSED'
          ORDER BY p.id""");
      statement.setString(1, PartnerReferralProcess.MSG_PROPOSAL_DECIDED);
      Array kks = connection.createArrayOf("VARCHAR", households.toArray());
      statement.setArray(2, kks);
      return statement;
    }, rs -> {
      waiting.computeIfAbsent(rs.getString("household_kk") + "|" + rs.getString("program_code"),
          key -> new ArrayList<>()).add(new Waiting(rs.getLong("id"), rs.getString("referral_number"),
              rs.getString("program_code"), rs.getString("period"), rs.getString("partner_instance_id"),
              rs.getInt("waits") == 1));
    });
    return waiting;
  }

  /**
   * Writes the decisions; returns, per decision in the same order, whether it took (false: another import decided
   * the proposal first). Carried-over proposals are written first, as a later row of the list sees them.
   */
  boolean[] write(List<Decision> decisions, String actor, OffsetDateTime now) {
    List<Integer> carried = new ArrayList<>();
    List<Integer> decided = new ArrayList<>();
    for (int i = 0; i < decisions.size(); i++) {
      (decisions.get(i).status() == ProposalBatches.ListedStatus.BELUM_DITETAPKAN ? carried : decided).add(i);
    }
    boolean[] took = new boolean[decisions.size()];
    int[] carriedCounts = jdbc.batchUpdate("""
        UPDATE proposal SET period = ?, cycles = cycles + 1, batch_id = NULL, decided_by = ?
        WHERE id = ? AND status = 'PROPOSED' AND period = ?""", carried.stream().map(decisions::get)
        .map(d -> new Object[] {d.periodAfter(), actor, d.proposal().id, d.periodBefore()}).toList());
    int[] decidedCounts = jdbc.batchUpdate("""
        UPDATE proposal SET status = ?, decision_reason = ?, decided_at = ?, decided_by = ?
        WHERE id = ? AND status = 'PROPOSED'""", decided.stream().map(decisions::get)
        .map(d -> new Object[] {d.status() == ProposalBatches.ListedStatus.DITETAPKAN
            ? Proposals.Status.ENROLLED.name() : Proposals.Status.REJECTED.name(), d.reason(), now, actor,
            d.proposal().id}).toList());
    for (int i = 0; i < carried.size(); i++) {
      took[carried.get(i)] = carriedCounts[i] == 1;
    }
    for (int i = 0; i < decided.size(); i++) {
      took[decided.get(i)] = decidedCounts[i] == 1;
    }
    return took;
  }
}
