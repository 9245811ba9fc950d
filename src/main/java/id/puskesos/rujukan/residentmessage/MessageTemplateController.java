package id.puskesos.rujukan.residentmessage;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Actors;

/** The resident's message templates, for the administrator ({@code camunda-admin}) only; each change is audited. */
@RestController
public class MessageTemplateController {

  /** The new text, and whether it is sent (unchanged when left out). */
  public record Edit(String body, Boolean active) {
  }

  private static final String WHO = "administrator (camunda-admin)";

  private final MessageTemplates templates;
  private final Roles roles;
  private final Actors actors;

  public MessageTemplateController(MessageTemplates templates, Roles roles, Actors actors) {
    this.templates = templates;
    this.roles = roles;
    this.actors = actors;
  }

  @GetMapping("/api/notifications/templates")
  public List<MessageTemplates.Template> list() {
    roles.require(WHO);
    return templates.all();
  }

  @PutMapping("/api/notifications/templates/{key}")
  public MessageTemplates.Template update(@PathVariable String key, @RequestBody Edit edit) {
    roles.require(WHO);
    return templates.update(key, edit.body(), edit.active(), actors.current());
  }
}
