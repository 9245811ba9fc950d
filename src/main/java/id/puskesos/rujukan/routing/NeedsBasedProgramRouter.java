package id.puskesos.rujukan.routing;

import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.referral.Need;

/**
 * Suggests every program that answers one of the case's needs, whose partner may receive the resident's data.
 * A proposed DTKS/DTSEN update counts as the need for a data update.
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
        .filter(p -> !Collections.disjoint(p.needs(), request.needs())
            || request.proposeDtksUpdate() && p.needs().contains(Need.DATA_UPDATE))
        .filter(p -> request.mayShareWith(catalogue.partnerOf(p)))
        .map(Program::code)
        .toList();
  }
}
