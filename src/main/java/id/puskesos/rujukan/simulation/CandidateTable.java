package id.puskesos.rujukan.simulation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.process.ReferralProcess;
import id.puskesos.rujukan.process.TableTests;
import id.puskesos.rujukan.routing.RouteProgramsDelegate;
import id.puskesos.rujukan.routing.RoutingService;

/**
 * The eligibility table outside the process engine: a standalone DMN engine configured as the process engine evaluates
 * its tables (its expression manager for JUEL, FEEL, its script engines: as {@code process.TableTests} does for a
 * table's test cases), so a candidate table is evaluated for past cases without deploying it and without a process
 * instance, a history entry or a job.
 */
@Component
class CandidateTable {

  /**
   * A parsed table and where it came from, for the report ("tabel kelayakan kandidat", "tabel kelayakan yang berlaku
   * (versi 4)"); {@code candidate}: the caller's bytes, not the deployed table.
   */
  record Table(DmnDecision decision, String label, boolean candidate) {
  }

  private final ProcessEngine processEngine;
  private final CaseAccess caseAccess;
  private volatile DmnEngine dmnEngine;

  CandidateTable(ProcessEngine processEngine, CaseAccess caseAccess) {
    this.processEngine = processEngine;
    this.caseAccess = caseAccess;
  }

  /** The candidate table's bytes parsed, or the deployed latest version when {@code candidate} is null. */
  Table table(byte[] candidate) {
    if (candidate != null) {
      try {
        return new Table(engine().parseDecision(ReferralProcess.DECISION_PROGRAM_ELIGIBILITY,
            new ByteArrayInputStream(candidate)), "tabel kelayakan kandidat", true);
      } catch (RuntimeException e) {
        throw new InvalidInputException("eligibilityTable", "Tabel kelayakan kandidat tidak dapat dibaca: tabel "
            + ReferralProcess.DECISION_PROGRAM_ELIGIBILITY + " tidak ditemukan atau tidak sah");
      }
    }
    // the analyst who runs a what-if need not read decision definitions for the table routing uses
    return caseAccess.withoutAuthorization(() -> {
      DecisionDefinition deployed = processEngine.getRepositoryService().createDecisionDefinitionQuery()
          .decisionDefinitionKey(ReferralProcess.DECISION_PROGRAM_ELIGIBILITY).withoutTenantId().latestVersion()
          .singleResult();
      if (deployed == null) {
        throw new IllegalStateException("the eligibility table is not deployed");
      }
      try (InputStream model = processEngine.getRepositoryService().getDecisionModel(deployed.getId())) {
        return new Table(engine().parseDecision(ReferralProcess.DECISION_PROGRAM_ELIGIBILITY, model),
            "tabel kelayakan yang berlaku (versi " + deployed.getVersion() + ")", false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * The rows the table matches for the case's facts, as routing reads them. A candidate table that fails on a case
   * (an expression that does not evaluate) is refused with the case named.
   */
  List<RoutingService.Match> matches(Table table, String referralNumber, RoutingService.Facts facts) {
    try {
      return RouteProgramsDelegate.matches(engine().evaluateDecisionTable(table.decision(),
          Variables.fromMap(facts.variables())).getResultList());
    } catch (RuntimeException e) {
      if (!table.candidate()) {
        throw e;
      }
      throw new InvalidInputException("eligibilityTable", "Tabel kelayakan kandidat gagal dievaluasi untuk rujukan "
          + referralNumber + "; periksa ekspresi tabel");
    }
  }

  private DmnEngine engine() {
    if (dmnEngine == null) {
      DefaultDmnEngineConfiguration like = ((ProcessEngineConfigurationImpl) processEngine
          .getProcessEngineConfiguration()).getDmnEngineConfiguration();
      dmnEngine = TableTests.evaluatingAs(like,
          (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
          // no scripts in a table evaluated here, whatever the table says (the engine refuses them at deployment)
          .scriptEngineResolver(language -> {
            throw new InvalidInputException("eligibilityTable", "Skrip (" + language + ") tidak dijalankan di tabel");
          })
          .buildEngine();
    }
    return dmnEngine;
  }
}
