package id.puskesos.rujukan.simulation;

import java.time.Instant;
import java.time.LocalDate;

/** A what-if simulation as stored: who ran it, over which period, for which model change (null: none), its report. */
public record Simulation(long id, Long modelChangeId, LocalDate from, LocalDate to, String createdBy, Instant createdAt,
    Report report) {

  /** The same simulation without the masked list of who gains or loses a program (for all but the koordinator). */
  public Simulation withoutChanges() {
    return new Simulation(id, modelChangeId, from, to, createdBy, createdAt, report.withoutChanges());
  }
}
