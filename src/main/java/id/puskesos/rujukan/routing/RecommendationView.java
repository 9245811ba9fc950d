package id.puskesos.rujukan.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.ProgramReferral;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.RoutingChoices;
import id.puskesos.rujukan.referral.RoutingChoices.Choice;
import id.puskesos.rujukan.referral.RoutingChoices.Role;

/**
 * The case's recommendation as the back office and the koordinator read it in their forms: each recommended program
 * with the need it answers, whether it is proposed nationally or referred to a partner, and why; then the
 * alternatives kept ready and what was not sent, with the reasons.
 */
@Component
@Transactional(readOnly = true)
public class RecommendationView {

  private final CaseFile caseFile;
  private final RoutingChoices choices;
  private final ProgramCatalogue catalogue;

  public RecommendationView(CaseFile caseFile, RoutingChoices choices, ProgramCatalogue catalogue) {
    this.caseFile = caseFile;
    this.choices = choices;
    this.catalogue = catalogue;
  }

  /** Writes what the back office's and the koordinator's forms show: the summary and the programs recommended. */
  public void show(VariableScope scope, String referralNumber) {
    CaseVariables.RECOMMENDATION_SUMMARY.set(scope, summary(referralNumber));
    CaseVariables.RECOMMENDED_OPTIONS.set(scope, recommended(referralNumber));
  }

  /** The programs recommended now, code to label: the back office may take any of them out. */
  public Map<String, String> recommended(String referralNumber) {
    Map<String, String> options = new LinkedHashMap<>();
    for (ProgramReferral p : caseFile.programs(referralNumber)) {
      if (p.status() == ProgramStatus.RECOMMENDED) {
        catalogue.findProgram(p.programCode()).ifPresent(program -> options.put(program.code(),
            catalogue.label(program)));
      }
    }
    return options;
  }

  /** The recommendation in a few lines of text (Markdown list), for the forms of the back office and koordinator. */
  public String summary(String referralNumber) {
    List<Choice> all = choices.of(referralNumber);
    List<String> lines = new ArrayList<>();
    for (ProgramReferral p : caseFile.programs(referralNumber)) {
      if (p.status() != ProgramStatus.RECOMMENDED) {
        continue;
      }
      Program program = catalogue.findProgram(p.programCode()).orElse(null);
      if (program == null) {
        continue;
      }
      String needs = all.stream().filter(c -> c.programCode().equals(program.code()) && c.role().answers()
          && c.need() != null).map(c -> Need.valueOf(c.need()).label().toLowerCase()).distinct()
          .collect(Collectors.joining(", "));
      String why = all.stream().filter(c -> c.programCode().equals(program.code()) && c.role().answers()
          && c.reason() != null).map(Choice::reason).findFirst().orElse(p.proposalBasis());
      lines.add("- **%s** (%s)%s: %s%s".formatted(program.name(), program.proposal()
          ? "usulan ke Kemensos lewat SIKS-NG" : "rujukan ke " + catalogue.partnerOf(program).name(),
          needs.isEmpty() ? "" : " untuk " + needs, why == null ? "-" : why,
          p.proposalBasis() == null || p.proposalBasis().equals(why) ? "" : "; usulan: " + p.proposalBasis()));
    }
    if (lines.isEmpty()) {
      lines.add("- Belum ada program yang direkomendasikan");
    }
    String alternatives = all.stream().filter(c -> c.role() == Role.ALTERNATIVE && c.need() != null)
        .map(c -> name(c.programCode()) + " (" + Need.valueOf(c.need()).label().toLowerCase() + ")").distinct()
        .collect(Collectors.joining(", "));
    if (!alternatives.isEmpty()) {
      lines.add("- Alternatif bila tidak tersalurkan: " + alternatives);
    }
    String excluded = all.stream().filter(c -> c.role() == Role.EXCLUDED)
        .map(c -> name(c.programCode()) + " (" + c.reason() + ")").distinct().collect(Collectors.joining("; "));
    if (!excluded.isEmpty()) {
      lines.add("- Tidak dikirim: " + excluded);
    }
    return String.join("\n", lines);
  }

  private String name(String code) {
    return catalogue.findProgram(code).map(Program::name).orElse(code);
  }
}
