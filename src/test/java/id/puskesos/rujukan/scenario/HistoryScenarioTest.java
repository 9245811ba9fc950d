package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.PersonalDataHistoryFilter;
import id.puskesos.rujukan.routing.EligibilityTable;

/**
 * The engine's history of a closed referral keeps what the audit needs (who did which task when, the decisions, the
 * outcome, the references) and none of the variables docs/history.md keeps out of it (identity, religion, income,
 * household, free-text notes), neither as variables nor as the decision table's inputs; and, of any variable, no
 * update details, nor the activity instances of the model's own steps, nor the job log of jobs that ran as planned.
 */
class HistoryScenarioTest extends ScenarioTestSupport {

  @Autowired
  private HistoryService historyService;
  @Autowired
  private PersonalDataHistoryFilter filter;

  @Test
  void aClosedReferralsHistoryKeepsTasksDecisionsAndOutcomeButNoPersonalDataOrNotes() {
    // given: a food case verified, assessed (income, religion), accepted, handed over and followed up with notes
    String number = api.closedFoodCase();
    String root = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("referral").singleResult().getId();

    // then: no variable, update or decision input the history must not keep
    List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances(number)).disableBinaryFetching().list();
    assertThat(filter.notInHistory()).contains(CaseVariables.RELIGION.name(), CaseVariables.MONTHLY_INCOME.name(),
        CaseVariables.FOLLOW_UP_NOTES.name(), CaseVariables.VISIT_FINDINGS.name(), CaseVariables.NIK.name(),
        EligibilityTable.POVERTY_CLASS, EligibilityTable.CONSENTED_PARTNERS);
    assertThat(variables).extracting(HistoricVariableInstance::getName).doesNotContainAnyElementsOf(
        filter.notInHistory());
    // no variable update's details at all, of any variable: each kept variable keeps its last value (docs/history.md,
    // "By kind of event")
    assertThat(historyService.createHistoricDetailQuery().processInstanceIdIn(instances(number)).count()).isZero();
    List<HistoricDecisionInstance> decisions = historyService.createHistoricDecisionInstanceQuery()
        .processInstanceId(root).includeInputs().includeOutputs().list();
    assertThat(decisions).isNotEmpty().allSatisfy(decision -> {
      assertThat(decision.getInputs()).extracting(HistoricDecisionInputInstance::getClauseId)
          .doesNotContain("input_" + EligibilityTable.RELIGION, "input_" + EligibilityTable.POVERTY_CLASS)
          .contains("input_" + EligibilityTable.DTKS_STATUS);
      assertThat(decision.getOutputs()).isNotEmpty();
    });

    // and: the references, decisions and outcome stay, and who completed which task when
    Map<String, Object> kept = variables.stream().filter(v -> v.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a));
    assertThat(kept).containsEntry(CaseVariables.REFERRAL_NUMBER.name(), number)
        .containsEntry(CaseVariables.VERIFICATION_RESULT.name(), "VALID")
        .containsEntry(CaseVariables.ASSESSMENT_RESULT.name(), "ELIGIBLE")
        .containsEntry(CaseVariables.DECISION.name(), "ACCEPT")
        .containsEntry(CaseVariables.AID_RECEIVED.name(), "YES")
        .containsKeys(CaseVariables.RESIDENT_ID.name(), CaseVariables.RESIDENT_NAME.name(),
            CaseVariables.DISTRIBUTION_DATE.name(), CaseVariables.VISIT_DATE.name(),
            CaseVariables.CONSENT_OPTIONS.name(), CaseVariables.CONSENT_PARTNERS.name());
    HistoricTaskInstance followUp = historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(number).finished().taskDefinitionKey("task_followUp").singleResult();
    assertThat(followUp.getEndTime()).isNotNull();
    assertThat(historyService.createUserOperationLogQuery().taskId(followUp.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
        .extracting(UserOperationLogEntry::getUserId).contains("fasilitator");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(root).singleResult()
        .getEndActivityId()).isEqualTo("end_closedFacilitated");

    // and: not the model's own steps (the tasks are in the task history) nor the jobs that ran as planned
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(root).list())
        .extracting(HistoricActivityInstance::getActivityType).doesNotContain(ActivityTypes.TASK_SERVICE,
            ActivityTypes.TASK_USER_TASK, ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.START_EVENT,
            ActivityTypes.END_EVENT_NONE, ActivityTypes.CALL_ACTIVITY);
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(root).list())
        .allMatch(HistoricJobLog::isFailureLog);
  }

  private String[] instances(String number) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
        .map(p -> p.getId()).toArray(String[]::new);
  }
}
