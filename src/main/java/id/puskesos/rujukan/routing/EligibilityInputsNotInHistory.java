package id.puskesos.rujukan.routing;

import java.util.Set;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.NotInHistory;

/**
 * The eligibility table's inputs about the household itself (religion, poverty class by income, children, PKH
 * components) stay out of the engine's history: the assessment table keeps them for as long as the case needs, the
 * routing explanation on the timeline says why each program was chosen. The needs, the DTKS/DTSEN status and the
 * desil stay: they are the decision's basis an auditor reads. See docs/history.md.
 */
@Component
class EligibilityInputsNotInHistory implements NotInHistory {

  @Override
  public Set<String> variableNames() {
    return Set.of(EligibilityTable.RELIGION, EligibilityTable.POVERTY_CLASS, EligibilityTable.PKH_COMPONENTS,
        EligibilityTable.SCHOOL_CHILDREN, EligibilityTable.CHILDREN);
  }
}
