package id.puskesos.rujukan.catalogue;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The partners and programs the catalogue starts with ({@code rujukan.catalogue} in application.yaml). At start-up,
 * codes not yet in the database are added; what an administrator changed since is kept.
 */
@ConfigurationProperties("rujukan.catalogue")
public record CatalogueSettings(List<Partner> partners, List<Program> programs) {

  public CatalogueSettings {
    partners = partners == null ? List.of() : List.copyOf(partners);
    programs = programs == null ? List.of() : List.copyOf(programs);
  }
}
