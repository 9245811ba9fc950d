package id.puskesos.rujukan.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Documents;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.report.ReportPages;

/**
 * The evaluation packs as a page, a PDF and CSV per table, and the appreciation letters. The pack holds figures
 * only, no resident's data: every participant of the joint evaluation (the Puskesos, each partner, the manager, the
 * city SLRT) reads it; a partner reads only its own letter. A Puskesos's evaluation is its own: another Puskesos's
 * staff do not find it (404); the city's evaluation every reader reads.
 */
@RestController
public class EvaluationController {

  private final Evaluations evaluations;
  private final Appreciations appreciations;
  private final EvaluationParticipants participants;
  private final ReportPages pages;
  private final Roles roles;
  private final EvaluationSimulations simulations;
  private final Actors actors;
  private final EvaluationScopes scopes;

  public EvaluationController(Evaluations evaluations, Appreciations appreciations,
      EvaluationParticipants participants, ReportPages pages, Roles roles, EvaluationSimulations simulations,
      Actors actors, EvaluationScopes scopes) {
    this.scopes = scopes;
    this.evaluations = evaluations;
    this.appreciations = appreciations;
    this.participants = participants;
    this.pages = pages;
    this.roles = roles;
    this.simulations = simulations;
    this.actors = actors;
  }

  /** An evaluation in the list; {@code scope}: the Puskesos's kelurahan code, or KOTA for the city's. */
  public record EvaluationItem(long id, String scope, String label, String from, String to, String status,
      String packUrl) {
  }

  @GetMapping("/api/evaluations")
  public List<EvaluationItem> evaluations() {
    pages.requireReader();
    return evaluations.list().stream().filter(e -> scopes.readable(e.scope()))
        .map(e -> new EvaluationItem(e.id(), e.scope(), e.label(), e.period().from().toString(),
            e.period().to().toString(), e.status(), "/api/evaluations/" + e.id() + "/pack")).toList();
  }

  /** The evaluation, when the caller may read it; else 404, as if there were none. */
  private Evaluations.Evaluation readable(long id) {
    Evaluations.Evaluation evaluation = evaluations.get(id);
    if (!scopes.readable(evaluation.scope())) {
      throw new NotFoundException("Evaluasi " + id + " tidak ditemukan");
    }
    return evaluation;
  }

  @GetMapping("/api/evaluations/{id}/pack")
  public ResponseEntity<String> pack(@PathVariable long id) {
    pages.requireReader();
    readable(id);
    return pages.page(evaluations.pack(id), "/api/evaluations/" + id + "/pack/tables/");
  }

  @GetMapping("/api/evaluations/{id}/pack.pdf")
  public ResponseEntity<byte[]> packPdf(@PathVariable long id) {
    pages.requireReader();
    return pages.pdf("bahan-evaluasi-" + readable(id).period().key() + ".pdf", evaluations.pack(id));
  }

  @GetMapping("/api/evaluations/{id}/pack/tables/{table:[a-z0-9-]+}.csv")
  public ResponseEntity<byte[]> packTable(@PathVariable long id, @PathVariable String table) {
    pages.requireReader();
    readable(id);
    return pages.table(evaluations.pack(id), table);
  }

  /**
   * The koordinator attaches a what-if simulation to the evaluation (the meeting asked for it): the pack shows its
   * headline figures under "Simulasi perubahan aturan".
   */
  @PostMapping("/api/evaluations/{id}/simulations/{simulationId}")
  public ResponseEntity<Void> attachSimulation(@PathVariable long id, @PathVariable long simulationId) {
    roles.require("koordinator", Groups.KOORDINATOR);
    readable(id);
    simulations.attach(id, simulationId, actors.current());
    return ResponseEntity.noContent().build();
  }

  /** A partner's letter of appreciation as issued: the Puskesos, the manager and that partner read it. */
  @GetMapping("/api/evaluations/{id}/appreciation/{partnerCode}")
  public ResponseEntity<byte[]> appreciation(@PathVariable long id, @PathVariable String partnerCode) {
    Partner partner = participants.partners().stream().filter(p -> p.code().equals(partnerCode)).findFirst()
        .orElseThrow(() -> new NotFoundException("Mitra " + partnerCode + " tidak dikenal"));
    List<String> readers = new ArrayList<>(Groups.PUSKESOS_STAFF);
    readers.add(Groups.MANAJER);
    readers.add(Groups.SLRT);
    readers.add(partner.group());
    roles.require("Puskesos, manajer, SLRT kota dan mitra yang bersangkutan", readers.toArray(String[]::new));
    readable(id);
    Documents.Document letter = appreciations.appreciationLetter(id, partnerCode);
    return ReportPages.pdf(letter.fileName(), letter.content());
  }
}
