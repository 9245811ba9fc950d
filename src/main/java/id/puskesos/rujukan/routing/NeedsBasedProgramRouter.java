package id.puskesos.rujukan.routing;

import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Suggests every program that answers one of the case's needs, that can take the resident (DTKS/DTSEN where the
 * program needs it) and whose partner may receive the resident's data.
 */
@Component
public class NeedsBasedProgramRouter implements ProgramRouter {

  private final ProgramCatalogue catalogue;

  public NeedsBasedProgramRouter(ProgramCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public List<String> suggest(RoutingRequest request) {
    return catalogue.programs().stream()
        .filter(p -> !Collections.disjoint(p.needs(), request.needs()))
        .filter(request::mayReferTo)
        .filter(p -> request.mayShareWith(catalogue.partnerOf(p)))
        .map(Program::code)
        .toList();
  }
}
