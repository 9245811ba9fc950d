package id.puskesos.rujukan.routing;

import java.util.Set;

import id.puskesos.rujukan.referral.Need;

/**
 * A program of a partner, and the needs it can answer. {@code requiresDtks}: only residents in DTKS/DTSEN can be
 * referred to it (the national programs).
 */
public record Program(String code, String name, String partner, AidKind aidKind, Set<Need> needs,
    boolean requiresDtks) {

  public Program {
    needs = needs == null ? Set.of() : Set.copyOf(needs);
  }
}
