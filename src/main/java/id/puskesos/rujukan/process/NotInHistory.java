package id.puskesos.rujukan.process;

import java.util.Set;

/**
 * Names of variables a feature sets on the engine that are not {@link CaseVariables} (a decision table's inputs, say)
 * and that the engine's history must not keep; {@link PersonalDataHistoryFilter} leaves them out. A feature above
 * this package implements it, so the filter needs no knowledge of the feature. Reasons are in docs/history.md.
 */
public interface NotInHistory {

  /** The variable names; for a decision table's input, also the input's value in the decision's history. */
  Set<String> variableNames();
}
