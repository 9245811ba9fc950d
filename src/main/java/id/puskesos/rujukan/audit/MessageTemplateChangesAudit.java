package id.puskesos.rujukan.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.residentmessage.MessageTemplates;

/**
 * Puts every change to a resident's message template into the audit trail ({@code MESSAGE_TEMPLATE_SET}), in the
 * change's own transaction: who, when, which template, the text before and after, and from which client.
 */
@Component
public class MessageTemplateChangesAudit {

  private final AuditTrail trail;

  public MessageTemplateChangesAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  public void changed(MessageTemplates.Changed change) {
    trail.record(change.actor(), AuditFilter.clientAddress(), "MESSAGE_TEMPLATE_SET",
        "/api/notifications/templates/" + change.key(), 200, change.detail());
  }
}
