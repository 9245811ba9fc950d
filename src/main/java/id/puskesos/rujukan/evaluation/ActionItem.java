package id.puskesos.rujukan.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Work agreed in an evaluation meeting: who does it by when, and what came of it. */
public record ActionItem(long id, long evaluationId, String evaluationLabel, int position, String description,
    String ownerGroup, LocalDate dueOn, Status status, String result, OffsetDateTime reportedAt) {

  public enum Status {
    OPEN("Belum dilaporkan"), DONE("Sudah dilaksanakan"), DROPPED("Tidak dapat dilaksanakan");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
