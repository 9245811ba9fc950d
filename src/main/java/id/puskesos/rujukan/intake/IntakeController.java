package id.puskesos.rujukan.intake;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.ConcurrentChange;
import id.puskesos.rujukan.common.FieldError;
import id.puskesos.rujukan.common.Groups;

/** Intake over HTTP for integrating systems such as the city SLRT application. */
@RestController
@RequestMapping("/api/referrals")
public class IntakeController {

  private final IntakeService intakeService;
  private final Actors actors;
  private final Roles roles;

  public IntakeController(IntakeService intakeService, Actors actors, Roles roles) {
    this.intakeService = intakeService;
    this.actors = actors;
    this.roles = roles;
  }

  /** 201 with the new case, 200 when merged into the resident's open case, 400 with every invalid field. */
  @PostMapping
  public ResponseEntity<IntakeResponse> submit(@RequestBody IntakeRequest request) {
    // an integrating system (the city SLRT) signs in as a user of the front office group
    roles.require("petugas Puskesos", Groups.FRONT_OFFICE, Groups.BACK_OFFICE, Groups.KOORDINATOR);
    IntakeResult result = ConcurrentChange.retry(() -> intakeService.submit(request, actors.current()));
    IntakeResponse body = new IntakeResponse(result.referralNumber(), result.processInstanceId(), "OPEN",
        result.merged(), result.warnings());
    if (result.merged()) {
      return ResponseEntity.ok(body);
    }
    return ResponseEntity.created(URI.create("/api/referrals/" + result.referralNumber())).body(body);
  }

  /** The answer to an intake; {@code warnings} name what looked odd but did not stop it. */
  public record IntakeResponse(String referralNumber, String processInstanceId, String status, boolean merged,
      List<FieldError> warnings) {
  }
}
