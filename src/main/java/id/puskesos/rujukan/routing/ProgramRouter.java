package id.puskesos.rujukan.routing;

import java.util.List;

/**
 * Suggests the programs a case should be referred to. The back office confirms or changes the suggestion.
 * This is the seam where the partners' eligibility rules (DMN and delegates) plug in.
 */
public interface ProgramRouter {

  /** Program codes, in catalogue order. */
  List<String> suggest(RoutingRequest request);
}
