package id.puskesos.rujukan.modelchange;

/** What a model change replaces (docs/analyst-guide.md). */
public enum ChangeKind {
  /** A decision table ({@code X.dmn}) with its test cases ({@code X.tests.json}). */
  TABLE,
  /** A BPMN model, with the Camunda Forms it brings new or changed. */
  MODEL,
  /** Budget top-ups of partners' programs: no file, the amounts. */
  BUDGET
}
