package id.puskesos.rujukan.routing;

import java.util.Set;

import id.puskesos.rujukan.referral.Need;

/** What routing knows of a case when it suggests programs. */
public record RoutingRequest(Set<Need> needs, boolean dtksListed, boolean consentBaznas, boolean consentSalman) {

  /** Whether the program can take the resident at all: national programs need the resident in DTKS/DTSEN. */
  public boolean mayReferTo(Program program) {
    return dtksListed || !program.requiresDtks();
  }

  /** Whether the resident agreed to share their data with this partner; government partners need no consent. */
  public boolean mayShareWith(Partner partner) {
    if (partner.government()) {
      return true;
    }
    return switch (partner.code()) {
      case "BAZNAS" -> consentBaznas;
      case "SALMAN" -> consentSalman;
      default -> false;
    };
  }
}
