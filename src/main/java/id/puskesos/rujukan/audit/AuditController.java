package id.puskesos.rujukan.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Dates;

/** The audit trail for the administrator: {@code GET /api/audit?from=2026-11-01&to=2026-11-30&action=&actor=}. */
@RestController
public class AuditController {

  /** The most entries one answer holds; {@code truncated} says when there were more. */
  static final int MAX_ENTRIES = 1000;

  public record Trail(LocalDate from, LocalDate to, List<AuditTrail.Event> events, boolean truncated) {
  }

  private final AuditTrail trail;
  private final Roles roles;
  private final Clock clock;

  public AuditController(AuditTrail trail, Roles roles, Clock clock) {
    this.trail = trail;
    this.roles = roles;
    this.clock = clock;
  }

  /** Days in Bandung, both inclusive; by default the last seven days. Newest first. */
  @GetMapping("/api/audit")
  public Trail read(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String action, @RequestParam(required = false) String actor) {
    roles.require("administrator");
    Checks checks = new Checks();
    LocalDate today = Dates.today(clock);
    LocalDate start = checks.date("from", from, "Tanggal awal", false);
    LocalDate end = checks.date("to", to, "Tanggal akhir", false);
    end = end == null ? today : end;
    start = start == null ? end.minusDays(6) : start;
    checks.check(!start.isAfter(end), "from", "Tanggal awal tidak boleh sesudah tanggal akhir");
    checks.throwIfAny();
    List<AuditTrail.Event> events = trail.read(start, end, blankToNull(action), blankToNull(actor),
        MAX_ENTRIES + 1);
    boolean truncated = events.size() > MAX_ENTRIES;
    return new Trail(start, end, truncated ? events.subList(0, MAX_ENTRIES) : events, truncated);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
