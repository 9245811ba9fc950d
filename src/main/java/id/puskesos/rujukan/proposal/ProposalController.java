package id.puskesos.rujukan.proposal;

import java.io.StringReader;
import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.common.Actors;

/**
 * The SIKS-NG exchange of the national proposals: {@code POST /api/proposals/batches} makes the batch of proposals
 * not yet sent, {@code GET /api/proposals/batches/{id}} is its CSV file, {@code POST /api/proposals/decisions} (a CSV
 * body) imports the period's decision list. The back office, the koordinator and the proposal programs' partner staff.
 */
@RestController
@RequestMapping("/api/proposals")
public class ProposalController {

  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final ProposalBatches batches;
  private final Actors actors;

  public ProposalController(ProposalBatches batches, Actors actors) {
    this.batches = batches;
    this.actors = actors;
  }

  @PostMapping("/batches")
  public ResponseEntity<ProposalBatches.Batch> createBatch() {
    ProposalBatches.Batch batch = batches.createBatch(actors.current());
    return batch.id() == null ? ResponseEntity.ok(batch)
        : ResponseEntity.created(URI.create("/api/proposals/batches/" + batch.id())).body(batch);
  }

  @GetMapping("/batches/{id}")
  public ResponseEntity<String> batchFile(@PathVariable long id) {
    return ResponseEntity.ok().contentType(CSV)
        .header("Content-Disposition", "attachment; filename=\"usulan-siks-ng-" + id + ".csv\"")
        .body(batches.csv(id));
  }

  @PostMapping(path = "/decisions", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  public ProposalBatches.Imported importDecisions(@RequestBody String file) {
    return batches.importDecisions(new StringReader(file), actors.current());
  }
}
