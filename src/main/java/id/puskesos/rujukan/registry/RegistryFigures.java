package id.puskesos.rujukan.registry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The data-accuracy figures, from the registry and its correction history. */
@Service
@Transactional(readOnly = true)
public class RegistryFigures {

  /** The figures; the share is of active beneficiaries verified in the field within the validity period. */
  public record Figures(long activeBeneficiaries, long verifiedWithinValidity, double verifiedShare,
      String validity, long dueForReverification, long openDuplicateReviews, List<Corrections> correctionsByMonth) {
  }

  /** Corrections of one kind (the field changed, and where the change came from) in one month. */
  public record Corrections(String month, String field, String source, long count) {
  }

  private final JdbcClient jdbc;
  private final RegistrySettings settings;
  private final Reverification reverification;
  private final Duplicates duplicates;
  private final Clock clock;

  public RegistryFigures(JdbcClient jdbc, RegistrySettings settings, Reverification reverification,
      Duplicates duplicates, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.reverification = reverification;
    this.duplicates = duplicates;
    this.clock = clock;
  }

  public Figures figures() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime yearAgo = now.minusYears(1);
    long active = jdbc.sql("SELECT COUNT(*) FROM resident r WHERE " + Reverification.ACTIVE_BENEFICIARY)
        .param(yearAgo).query(Long.class).single();
    long verified = jdbc.sql("SELECT COUNT(*) FROM resident r WHERE " + Reverification.ACTIVE_BENEFICIARY
            + " AND r.verified_at >= ?")
        .params(yearAgo, now.minus(settings.getVerificationValidFor())).query(Long.class).single();
    List<Corrections> corrections = jdbc.sql("""
        SELECT EXTRACT(YEAR FROM changed_at) AS y, EXTRACT(MONTH FROM changed_at) AS m, field, source, COUNT(*) AS n
        FROM resident_change
        WHERE changed_at >= ? AND field NOT IN ('CREATED', 'VERIFIED')
        GROUP BY EXTRACT(YEAR FROM changed_at), EXTRACT(MONTH FROM changed_at), field, source
        ORDER BY 1, 2, 3, 4""")
        .param(yearAgo)
        .query((rs, row) -> new Corrections("%d-%02d".formatted(rs.getInt("y"), rs.getInt("m")),
            rs.getString("field"), rs.getString("source"), rs.getLong("n")))
        .list();
    return new Figures(active, verified, active == 0 ? 0 : Math.round(1000.0 * verified / active) / 1000.0,
        settings.getVerificationValidFor().toString(), reverification.countDue(), duplicates.openReviews(),
        corrections);
  }
}
