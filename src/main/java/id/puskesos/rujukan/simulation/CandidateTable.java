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

  /** A parsed table and where it came from, for the report ("tabel kandidat", "tabel yang berlaku versi 4"). */
  record Table(DmnDecision decision, String label) {
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
            new ByteArrayInputStream(candidate)), "tabel kelayakan kandidat");
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
            "tabel kelayakan yang berlaku (versi " + deployed.getVersion() + ")");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The rows the table matches for the case's facts, as routing reads them. */
  List<RoutingService.Match> matches(Table table, RoutingService.Facts facts) {
    return RouteProgramsDelegate.matches(engine().evaluateDecisionTable(table.decision(),
        Variables.fromMap(facts.variables())).getResultList());
  }

  private DmnEngine engine() {
    if (dmnEngine == null) {
      DefaultDmnEngineConfiguration like = ((ProcessEngineConfigurationImpl) processEngine
          .getProcessEngineConfiguration()).getDmnEngineConfiguration();
      dmnEngine = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
          .elProvider(like.getElProvider())
          .scriptEngineResolver(like.getScriptEngineResolver())
          .feelEngineFactory(like.getFeelEngineFactory())
          .feelCustomFunctionProviders(like.getFeelCustomFunctionProviders())
          .enableFeelLegacyBehavior(like.isEnableFeelLegacyBehavior())
          .defaultInputExpressionExpressionLanguage(like.getDefaultInputExpressionExpressionLanguage())
          .defaultInputEntryExpressionLanguage(like.getDefaultInputEntryExpressionLanguage())
          .defaultOutputEntryExpressionLanguage(like.getDefaultOutputEntryExpressionLanguage())
          .defaultLiteralExpressionLanguage(like.getDefaultLiteralExpressionLanguage())
          .buildEngine();
    }
    return dmnEngine;
  }
}
