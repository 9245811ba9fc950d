package id.puskesos.rujukan.grievance;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Groups;

/** Grievances about the service over HTTP: opened by Puskesos staff, read by whoever may see each (docs/grievances.md). */
@RestController
@RequestMapping("/api/grievances")
public class GrievanceController {

  private final Grievances grievances;
  private final GrievanceQueries queries;
  private final Actors actors;
  private final Roles roles;

  public GrievanceController(Grievances grievances, GrievanceQueries queries, Actors actors, Roles roles) {
    this.grievances = grievances;
    this.queries = queries;
    this.actors = actors;
    this.roles = roles;
  }

  /** 201 with the new grievance and its number; 400 with every invalid field. */
  @PostMapping
  public ResponseEntity<Grievance> open(@RequestBody GrievanceRequest request) {
    roles.require("petugas Puskesos", Groups.FRONT_OFFICE, Groups.BACK_OFFICE, Groups.KOORDINATOR);
    Grievance opened = grievances.open(request, actors.current());
    return ResponseEntity.created(URI.create("/api/grievances/" + opened.grievanceNumber())).body(opened);
  }

  /** The grievances the caller may see: all for koordinator and manager, a partner's staff those about it. */
  @GetMapping
  public List<Grievance> list() {
    return queries.list();
  }

  /** One grievance; 404 when the caller may not see it. */
  @GetMapping("/{grievanceNumber}")
  public Grievance get(@PathVariable String grievanceNumber) {
    return queries.find(grievanceNumber);
  }
}
