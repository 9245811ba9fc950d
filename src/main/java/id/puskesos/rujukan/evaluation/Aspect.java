package id.puskesos.rujukan.evaluation;

/**
 * The four aspects of working together the study found missing without a joint evaluation; each participant scores
 * each from 1 to 5. {@code variable} is the form field of the score ({@code score<Variable>}) and the comment
 * ({@code comment<Variable>}).
 */
public enum Aspect {
  COORDINATION("Koordinasi", "Coordination"),
  COOPERATION("Kerja sama", "Cooperation"),
  COLLABORATION("Kolaborasi", "Collaboration"),
  INTERPROFESSIONAL("Kerja antarprofesi", "Interprofessional");

  private final String label;
  private final String variable;

  Aspect(String label, String variable) {
    this.label = label;
    this.variable = variable;
  }

  public String label() {
    return label;
  }

  public String scoreVariable() {
    return "score" + variable;
  }

  public String commentVariable() {
    return "comment" + variable;
  }

  /** The database column of the score (and, with "comment_", of the comment). */
  String column() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
