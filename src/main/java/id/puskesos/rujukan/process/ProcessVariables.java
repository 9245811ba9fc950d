package id.puskesos.rujukan.process;

import java.util.ArrayList;
import java.util.List;

import id.puskesos.rujukan.common.Variable;

/**
 * Every process variable the models use, from the constants class of each: the referral case's
 * ({@link CaseVariables}), the registry's processes' ({@link RegistryVariables}), the evaluation's and the monthly
 * report's, the grievance's. A name may be declared in two classes (the report's {@code reviewNote} and the case's); the engine's
 * history filter goes by name, so such a name has the same history decision in both.
 */
public final class ProcessVariables {

  private ProcessVariables() {
  }

  public static List<Variable<?>> all() {
    List<Variable<?>> all = new ArrayList<>(CaseVariables.all());
    all.addAll(RegistryVariables.all());
    all.addAll(EvaluationProcess.Variables.all());
    all.addAll(MonthlyReportProcess.Variables.all());
    all.addAll(GrievanceProcess.Variables.all());
    all.addAll(ModelChangeProcess.Variables.all());
    return all;
  }
}
