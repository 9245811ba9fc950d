package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import id.puskesos.rujukan.catalogue.BudgetPeriod;

/**
 * Fills the household ledger from the cases recorded before it existed: every program a case was sent to and that
 * is still with the partner or was handed over, in the period its commitment names (or the period it was referred
 * in). Where two cases of one household already held a slot in the same month (the double aid the ledger now
 * prevents), the earlier keeps the month and the later is recorded without it.
 */
public class V13__Household_ledger_from_cases extends BaseJavaMigration {

  private static final ZoneId BANDUNG = ZoneId.of("Asia/Jakarta");

  @Override
  public void migrate(Context context) throws Exception {
    Connection db = context.getConnection();
    try (Statement select = db.createStatement();
        ResultSet rows = select.executeQuery("""
            SELECT p.referral_number, p.program_code, p.status, p.referred_at, s.kk_number, c.period, c.status AS held,
                   g.budget_period, COALESCE(g.household_group, g.code) AS slot
            FROM program_referral p
            JOIN referral r ON r.referral_number = p.referral_number
            JOIN resident s ON s.id = r.resident_id
            JOIN program g ON g.code = p.program_code
            LEFT JOIN budget_commitment c ON c.referral_number = p.referral_number AND c.program_code = p.program_code
            WHERE p.status IN ('REFERRED', 'INFO_REQUESTED', 'WAITING_BUDGET', 'ACCEPTED', 'CONFIRMED',
                               'PARTLY_DISTRIBUTED', 'DISTRIBUTED')
            ORDER BY p.referred_at, p.id""");
        PreparedStatement aid = db.prepareStatement("""
            INSERT INTO household_aid (household_kk, program_code, period, referral_number, source, status, held_at,
                                       updated_at)
            VALUES (?, ?, ?, ?, 'CASE', ?, ?, ?)""", new String[] {"id"});
        PreparedStatement free = db.prepareStatement(
            "SELECT COUNT(*) FROM household_aid_month WHERE household_kk = ? AND slot = ? AND aid_month = ?");
        PreparedStatement month = db.prepareStatement(
            "INSERT INTO household_aid_month (household_kk, slot, aid_month, aid_id) VALUES (?, ?, ?, ?)")) {
      while (rows.next()) {
        BudgetPeriod kind = BudgetPeriod.valueOf(rows.getString("budget_period"));
        OffsetDateTime referred = rows.getObject("referred_at", OffsetDateTime.class);
        String period = rows.getString("period") != null ? rows.getString("period")
            : kind.of(referred.atZoneSameInstant(BANDUNG).toLocalDate());
        String kk = rows.getString("kk_number");
        String slot = rows.getString("slot");
        aid.setString(1, kk);
        aid.setString(2, rows.getString("program_code"));
        aid.setString(3, period);
        aid.setString(4, rows.getString("referral_number"));
        aid.setString(5, status(rows.getString("status"), rows.getString("held")));
        aid.setTimestamp(6, Timestamp.from(referred.toInstant()));
        aid.setTimestamp(7, Timestamp.from(referred.toInstant()));
        aid.executeUpdate();
        long id;
        try (ResultSet key = aid.getGeneratedKeys()) {
          key.next();
          id = key.getLong(1);
        }
        for (String m : kind.months(period)) {
          free.setString(1, kk);
          free.setString(2, slot);
          free.setString(3, m);
          try (ResultSet count = free.executeQuery()) {
            count.next();
            if (count.getLong(1) > 0) {
              continue;
            }
          }
          month.setString(1, kk);
          month.setString(2, slot);
          month.setString(3, m);
          month.setLong(4, id);
          month.executeUpdate();
        }
      }
    }
  }

  private static String status(String program, String commitment) {
    if ("DISTRIBUTED".equals(program) || "PARTLY_DISTRIBUTED".equals(program)) {
      return "HANDED_OVER";
    }
    if ("WAITING".equals(commitment) || "WAITING_BUDGET".equals(program)) {
      return "WAITING";
    }
    return "REFERRED".equals(program) || "INFO_REQUESTED".equals(program) ? "PROPOSED" : "RESERVED";
  }
}
