package id.puskesos.rujukan.modelchange;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Groups;

/**
 * Model changes over HTTP (docs/analyst-guide.md): the analyst proposes and revises, the koordinator and the manager
 * read, the administrator deploys. A partner's staff approve in Tasklist, where their task shows the change.
 */
@RestController
@RequestMapping("/api/model-changes")
public class ModelChangeController {

  private static final String READERS = "analis, koordinator, manajer dan administrator";

  private final ModelChanges changes;
  private final Roles roles;
  private final Actors actors;

  public ModelChangeController(ModelChanges changes, Roles roles, Actors actors) {
    this.changes = changes;
    this.roles = roles;
    this.actors = actors;
  }

  /** 201 with the change, checked and (when the checks pass) simulated; 400 with every invalid field. */
  @PostMapping
  public ResponseEntity<ModelChange> submit(@RequestBody ChangeRequest request) {
    roles.require("analis", Groups.ANALIS);
    ModelChange change = changes.submit(request, actors.current());
    return ResponseEntity.created(URI.create("/api/model-changes/" + change.number())).body(change);
  }

  /** A new revision after failed checks or a send-back; 409 in any other state. */
  @PutMapping("/{number}")
  public ModelChange revise(@PathVariable String number, @RequestBody ChangeRequest request) {
    roles.require("analis", Groups.ANALIS);
    return changes.revise(number, request, actors.current());
  }

  @GetMapping
  public List<ModelChange> list() {
    roles.require(READERS, Groups.ANALIS, Groups.KOORDINATOR, Groups.MANAJER);
    return changes.list();
  }

  @GetMapping("/{number}")
  public ModelChange get(@PathVariable String number) {
    roles.require(READERS, Groups.ANALIS, Groups.KOORDINATOR, Groups.MANAJER);
    return changes.find(number);
  }

  /** A file as proposed, to open in Camunda Modeler. */
  @GetMapping("/{number}/files/{name:.+}")
  public ResponseEntity<byte[]> file(@PathVariable String number, @PathVariable String name) {
    roles.require(READERS, Groups.ANALIS, Groups.KOORDINATOR, Groups.MANAJER);
    return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(changes.file(number, name));
  }

  /** The administrator deploys an approved change; 409 when it is not waiting for that or its base changed. */
  @PostMapping("/{number}/deploy")
  public ModelChange deploy(@PathVariable String number) {
    roles.require("administrator", Groups.ADMIN);
    return changes.deploy(number, actors.current());
  }
}
