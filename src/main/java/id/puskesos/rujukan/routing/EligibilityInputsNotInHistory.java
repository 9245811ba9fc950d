package id.puskesos.rujukan.routing;

import java.util.Set;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.NotInHistory;

/**
 * The eligibility table's inputs about the household itself (religion, poverty class by income, children, PKH
 * components, the partners the resident consents to share data with) stay out of the engine's history: the assessment
 * table and the consent register keep them for as long as the case needs, with who recorded them, and the routing
 * explanation on the timeline says why each program was chosen or held back. The needs, the DTKS/DTSEN status and the
 * desil stay: they are the decision's basis an auditor reads. See docs/history.md.
 */
@Component
class EligibilityInputsNotInHistory implements NotInHistory {

  @Override
  public Set<String> variableNames() {
    return Set.of(EligibilityTable.RELIGION, EligibilityTable.POVERTY_CLASS, EligibilityTable.PKH_COMPONENTS,
        EligibilityTable.SCHOOL_CHILDREN, EligibilityTable.CHILDREN, EligibilityTable.CONSENTED_PARTNERS);
  }
}
