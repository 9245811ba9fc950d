package id.puskesos.rujukan.recommendation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.budget.HouseholdLedger;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.routing.RecommendationView;
import id.puskesos.rujukan.routing.RoutingService;

/**
 * The SLRT order of decisions (Permensos 15/2018; docs/partners.md): the back office prepares the recommendation for
 * the whole case (what routing chose, edited with reasons; or a proposal to close or to escalate), the koordinator
 * decides it once for the case ("Penetapan layanan": approve, send back with a note, or escalate to the city SLRT).
 * Only then do letters go out and the partners and national proposals act. Each round is kept in
 * {@code case_decision}.
 */
@Service
@Transactional
public class Recommendations {

  /** What the back office recommends for the case. */
  public enum Recommendation {
    REFER, CLOSE, ESCALATE
  }

  /** The koordinator's decision on the recommendation. */
  public enum CaseDecision {
    APPROVE, SEND_BACK, ESCALATE
  }

  /** Where the case goes after the decision (the gateway in referral.bpmn reads it). */
  public enum CaseRoute {
    PARTNERS, CLOSE, ESCALATE, SEND_BACK
  }

  /** The decision taken: where the case goes, and the programs that go out (for PARTNERS). */
  public record Decided(CaseRoute route, List<String> programs, String closingReason) {
  }

  private final JdbcClient jdbc;
  private final CaseFile caseFile;
  private final RoutingService routing;
  private final RecommendationView view;
  private final HouseholdLedger ledger;
  private final CommandAuthority authority;
  private final Clock clock;

  public Recommendations(JdbcClient jdbc, CaseFile caseFile, RoutingService routing, RecommendationView view,
      HouseholdLedger ledger, CommandAuthority authority, Clock clock) {
    this.jdbc = jdbc;
    this.caseFile = caseFile;
    this.routing = routing;
    this.view = view;
    this.ledger = ledger;
    this.authority = authority;
    this.clock = clock;
  }

  /**
   * The back office's recommendation: programs taken out and added (each change needs the reason), and what it
   * recommends. Nothing is kept when any part is refused.
   */
  public void prepare(String referralNumber, String recommendation, List<String> removed, List<String> added,
      String reason, String actor) {
    authority.require("Rekomendasi layanan", "back office Puskesos", Groups.BACK_OFFICE);
    Checks checks = new Checks();
    Recommendation what = checks.oneOf(Recommendation.class, CaseVariables.RECOMMENDATION.name(), recommendation,
        "Rekomendasi");
    boolean changes = !removed.isEmpty() || !added.isEmpty();
    checks.check(reason != null || !changes && what == Recommendation.REFER,
        CaseVariables.RECOMMENDATION_REASON.name(), what == Recommendation.REFER
            ? "Alasan perubahan rekomendasi wajib diisi" : "Alasan usulan penutupan atau eskalasi wajib diisi");
    Map<String, String> recommended = view.recommended(referralNumber);
    removed.stream().filter(code -> !recommended.containsKey(code)).forEach(code -> checks.add(
        CaseVariables.REMOVED_PROGRAMS.name(), "Program " + code + " tidak ada dalam rekomendasi kasus ini"));
    added.stream().filter(recommended::containsKey).forEach(code -> checks.add(CaseVariables.ADDED_PROGRAMS.name(),
        "Program " + code + " sudah ada dalam rekomendasi"));
    checks.throwIfAny();
    for (String code : new LinkedHashSet<>(removed)) {
      routing.removeByHand(referralNumber, code, reason, actor);
    }
    for (String code : new LinkedHashSet<>(added)) {
      try {
        routing.addByHand(referralNumber, code, null, reason, actor);
      } catch (InvalidInputException refused) {
        throw new InvalidInputException(CaseVariables.ADDED_PROGRAMS.name(), refused.errors().get(0).message());
      }
    }
    if (what == Recommendation.REFER && view.recommended(referralNumber).isEmpty()) {
      throw new InvalidInputException(CaseVariables.RECOMMENDATION.name(), "Tidak ada program dalam rekomendasi: "
          + "tambahkan program, atau usulkan penutupan kasus atau eskalasi ke SLRT kota");
    }
    int round = jdbc.sql("SELECT COALESCE(MAX(round_number), 0) FROM case_decision WHERE referral_number = ?")
        .param(referralNumber).query(Integer.class).single() + 1;
    jdbc.sql("""
        INSERT INTO case_decision (referral_number, round_number, recommendation, recommendation_reason, prepared_by,
                                   prepared_at) VALUES (?, ?, ?, ?, ?, ?)""")
        .params(referralNumber, round, what.name(), reason, actor, OffsetDateTime.now(clock)).update();
    caseFile.record(referralNumber, EventType.RECOMMENDATION_PREPARED, actor, switch (what) {
      case REFER -> "Rekomendasi back office: " + String.join(", ", view.recommended(referralNumber).values());
      case CLOSE -> "Back office mengusulkan kasus ditutup: " + reason;
      case ESCALATE -> "Back office mengusulkan eskalasi ke SLRT kota: " + reason;
    } + (what == Recommendation.REFER && reason != null ? " (" + reason + ")" : ""));
  }

  /** The koordinator's one decision on the case's recommendation ("Penetapan layanan"). */
  public Decided decide(String referralNumber, String decision, String note, String actor) {
    authority.require("Penetapan layanan", "koordinator Puskesos", Groups.KOORDINATOR);
    Checks checks = new Checks();
    CaseDecision what = checks.oneOf(CaseDecision.class, CaseVariables.CASE_DECISION.name(), decision,
        "Penetapan layanan");
    checks.check(what == CaseDecision.APPROVE || note != null, CaseVariables.COORDINATOR_NOTE.name(),
        "Catatan untuk back office atau SLRT kota wajib diisi");
    checks.throwIfAny();
    Round round = openRound(referralNumber).orElseThrow(() -> new ConflictException(
        "Rujukan %s belum memiliki rekomendasi back office yang menunggu penetapan".formatted(referralNumber)));
    if (what == CaseDecision.APPROVE && round.recommendation() == Recommendation.REFER) {
      Map<String, String> takenOut = routing.takeOutWhatMayNotBeSent(referralNumber, actor);
      if (!takenOut.isEmpty() && view.recommended(referralNumber).isEmpty()) {
        throw new InvalidInputException(CaseVariables.CASE_DECISION.name(), ("Tidak ada program yang masih dapat "
            + "dikirim: %s. Kembalikan ke back office untuk memilih program lain").formatted(takenOut.entrySet()
                .stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))));
      }
    }
    int updated = jdbc.sql("""
        UPDATE case_decision SET decision = ?, decision_note = ?, decided_by = ?, decided_at = ?
        WHERE id = ? AND decision IS NULL""")
        .params(what.name(), note, actor, OffsetDateTime.now(clock), round.id()).update();
    if (updated == 0) {
      throw new ConflictException("Penetapan layanan rujukan %s sudah dibuat".formatted(referralNumber));
    }
    Decided decided = switch (what) {
      case SEND_BACK -> new Decided(CaseRoute.SEND_BACK, List.of(), null);
      case ESCALATE -> new Decided(CaseRoute.ESCALATE, List.of(), null);
      case APPROVE -> switch (round.recommendation()) {
        case REFER -> new Decided(CaseRoute.PARTNERS, new ArrayList<>(view.recommended(referralNumber).keySet()),
            null);
        case CLOSE -> new Decided(CaseRoute.CLOSE, List.of(), round.reason());
        case ESCALATE -> new Decided(CaseRoute.ESCALATE, List.of(), null);
      };
    };
    if (decided.route() == CaseRoute.CLOSE) {
      cancelRecommended(referralNumber, "Kasus ditutup pada penetapan layanan: " + round.reason());
    }
    caseFile.record(referralNumber, EventType.SERVICE_DECIDED, actor, switch (decided.route()) {
      case PARTNERS -> "Penetapan layanan: rekomendasi disetujui; "
          + String.join(", ", view.recommended(referralNumber).values()) + (note == null ? "" : " (" + note + ")");
      case CLOSE -> "Penetapan layanan: kasus ditutup sesuai usulan back office (" + round.reason() + ")";
      case ESCALATE -> "Penetapan layanan: kasus dieskalasi ke SLRT kota ("
          + (note != null ? note : round.reason()) + ")";
      case SEND_BACK -> "Penetapan layanan: dikembalikan ke back office: " + note;
    });
    return decided;
  }

  /** The recommended programs are not sent after all (the case closes, or the city SLRT took it over). */
  public void cancelRecommended(String referralNumber, String reason) {
    for (String code : view.recommended(referralNumber).keySet()) {
      caseFile.setProgramStatus(referralNumber, code, ProgramStatus.CANCELLED, reason);
      ledger.release(referralNumber, code, reason);
    }
  }

  /** Who approved the case's recommendation last: the koordinator who signs its letters. */
  @Transactional(readOnly = true)
  public Optional<String> approver(String referralNumber) {
    return jdbc.sql("""
        SELECT decided_by FROM case_decision WHERE referral_number = ? AND decision = 'APPROVE'
        ORDER BY round_number DESC""").param(referralNumber).query(String.class).list().stream().findFirst();
  }

  /** Why the case goes to the city SLRT: the koordinator's note, else the back office's reason for proposing it. */
  @Transactional(readOnly = true)
  public String escalationReason(String referralNumber) {
    return jdbc.sql("""
        SELECT COALESCE(decision_note, recommendation_reason) FROM case_decision
        WHERE referral_number = ? AND decision IS NOT NULL ORDER BY round_number DESC""")
        .param(referralNumber).query(String.class).list().stream().filter(r -> r != null).findFirst()
        .orElse("Puskesos tidak dapat menyelesaikan kasus");
  }

  /** The koordinator's decisions on the case, in order (tests and the case view count them). */
  @Transactional(readOnly = true)
  public List<String> decisions(String referralNumber) {
    return jdbc.sql("""
        SELECT decision FROM case_decision WHERE referral_number = ? AND decision IS NOT NULL ORDER BY round_number""")
        .param(referralNumber).query(String.class).list();
  }

  private record Round(long id, Recommendation recommendation, String reason) {
  }

  private Optional<Round> openRound(String referralNumber) {
    return jdbc.sql("""
        SELECT id, recommendation, recommendation_reason FROM case_decision
        WHERE referral_number = ? AND decision IS NULL ORDER BY round_number DESC""")
        .param(referralNumber).query((rs, row) -> new Round(rs.getLong("id"),
            Recommendation.valueOf(rs.getString("recommendation")), rs.getString("recommendation_reason")))
        .list().stream().findFirst();
  }
}
