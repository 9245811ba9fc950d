package id.puskesos.rujukan.routing;

import java.util.Set;

import id.puskesos.rujukan.referral.Need;

/** A program of a partner, and the needs it can answer. */
public record Program(String code, String name, String partner, AidKind aidKind, Set<Need> needs) {

  public Program {
    needs = needs == null ? Set.of() : Set.copyOf(needs);
  }
}
