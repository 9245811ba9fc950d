package id.puskesos.rujukan.referral;

/**
 * What the fasilitator found when following the case up after distribution, in the resident's words: whether the
 * resident could be reached, whether the aid arrived, whether it helped, and the resident's satisfaction (1-5).
 * {@code aidReceived} and {@code aidHelped} are null when the resident could not be reached.
 */
public record FollowUp(boolean reached, Answer aidReceived, Answer aidHelped, Integer satisfaction, String notes) {

  /** The resident's answer to "did it arrive?" and "did it help?". */
  public enum Answer {
    YES("diterima seluruhnya", "membantu"),
    PARTLY("diterima sebagian", "membantu sebagian"),
    NO("tidak diterima", "tidak membantu");

    private final String received;
    private final String helped;

    Answer(String received, String helped) {
      this.received = received;
      this.helped = helped;
    }

    /** "diterima sebagian": the answer to whether the aid arrived. */
    public String receivedLabel() {
      return received;
    }

    /** "tidak membantu": the answer to whether it helped. */
    public String helpedLabel() {
      return helped;
    }
  }

  /** "bantuan diterima seluruhnya, membantu sebagian, kepuasan 4": how the timeline tells it. */
  public String summary() {
    if (!reached) {
      return "warga tidak dapat dihubungi";
    }
    return "bantuan %s, %s%s".formatted(aidReceived.receivedLabel(), aidHelped.helpedLabel(),
        satisfaction == null ? "" : ", kepuasan " + satisfaction);
  }
}
