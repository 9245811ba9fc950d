package id.puskesos.rujukan.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.sla.CalendarChanges;

/**
 * Puts every change to the working calendar into the audit trail ({@code CALENDAR_SET}, {@code CALENDAR_REMOVE}),
 * in the change's own transaction: who, when, which day, and from which client. The audit filter only records
 * refusals, so a change that succeeded is recorded here.
 */
@Component
public class CalendarChangesAudit {

  private final AuditTrail trail;

  public CalendarChangesAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  public void changed(CalendarChanges.Changed change) {
    trail.record(change.actor(), AuditFilter.clientAddress(), "CALENDAR_" + change.action(),
        "/api/calendar/holidays/" + change.date(), 200, change.detail());
  }
}
