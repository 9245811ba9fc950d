package id.puskesos.rujukan.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

import id.puskesos.rujukan.common.InvalidInputException;

/**
 * The partners and their programs, from configuration ({@code rujukan.catalogue} in application.yaml).
 * Checked once at start-up: every program names a known partner.
 */
@ConfigurationProperties("rujukan.catalogue")
public class ProgramCatalogue {

  private final Map<String, Partner> partners = new LinkedHashMap<>();
  private final Map<String, Program> programs = new LinkedHashMap<>();

  public ProgramCatalogue(List<Partner> partners, List<Program> programs) {
    partners.forEach(p -> this.partners.put(p.code(), p));
    for (Program program : programs) {
      if (!this.partners.containsKey(program.partner())) {
        throw new IllegalArgumentException("program " + program.code() + " names unknown partner " + program.partner());
      }
      this.programs.put(program.code(), program);
    }
  }

  public List<Program> programs() {
    return List.copyOf(programs.values());
  }

  public Optional<Program> findProgram(String code) {
    return Optional.ofNullable(programs.get(code));
  }

  public Program program(String code) {
    return findProgram(code).orElseThrow(
        () -> new InvalidInputException("programCode", "Program " + code + " tidak dikenal"));
  }

  public Partner partnerOf(Program program) {
    return partners.get(program.partner());
  }

  /** "PKH - Dinas Sosial Kota Bandung": how a program is offered in forms. */
  public String label(Program program) {
    return program.name() + " - " + partnerOf(program).name();
  }
}
