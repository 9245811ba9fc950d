package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.GrievanceProcess.*;
import static id.puskesos.rujukan.process.GrievanceProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.grievance.GrievanceRequest;
import id.puskesos.rujukan.grievance.Grievances;

/** grievance.bpmn: a complaint about the service, from Tasklist or the API, handled by the koordinator. */
@Deployment(resources = "processes/grievance.bpmn")
class GrievanceProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final String NUMBER = "ADU-2026-000007";

  private Grievances grievances;

  @BeforeEach
  void registeredGrievance() {
    grievances = mocked(Grievances.class);
    Map<String, Object> variables = new HashMap<>();
    GRIEVANCE_NUMBER.put(variables, NUMBER);
    GRIEVANCE_KIND_LABEL.put(variables, "Layanan lambat");
    doReturn(new Grievances.Registered(NUMBER, variables)).when(grievances).register(any(), anyString());
  }

  @Test
  void startFormRegistersTheGrievanceAndTheKoordinatorHandlesIt() {
    ProcessInstance grievance = runtimeService().startProcessInstanceByKey(PROCESS_ID, startForm());

    assertThat(grievance).isWaitingAt(TASK_HANDLE_GRIEVANCE).hasBusinessKey(NUMBER);
    assertThat(task(grievance)).hasCandidateGroup("koordinator").hasName("Tangani keluhan: Layanan lambat (" + NUMBER
        + ")");
    verify(grievances).register(new GrievanceRequest("RJK-2026-000003", "TERLAMBAT", "DESK", "Dua minggu menunggu",
        "PUSKESOS"), "petugas");
    verify(grievances).attachProcess(NUMBER, grievance.getId());

    complete(task(grievance), withVariables(GRIEVANCE_FINDING.name(), "Berkas tertahan", GRIEVANCE_ACTION.name(),
        "Berkas diproses hari ini", GRIEVANCE_OUTCOME.name(), "DITERIMA", RESIDENT_INFORMED.name(), true));

    assertThat(grievance).isEnded().hasPassed(TASK_RECORD_RESPONSE, END_GRIEVANCE_RESOLVED)
        .hasNotPassed(TASK_ANSWER_GRIEVANCE);
    verify(grievances).respond(NUMBER, new Grievances.Response("Berkas tertahan", "Berkas diproses hari ini",
        "DITERIMA", true), "petugas");
  }

  @Test
  void invalidStartFormStartsNothing() {
    doThrow(new InvalidInputException(GRIEVANCE_KIND.name(), "Jenis keluhan wajib diisi")).when(grievances)
        .register(any(), anyString());

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PROCESS_ID, startForm()))
        .hasMessageContaining("Jenis keluhan wajib diisi");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count()).isZero();
  }

  @Test
  void grievanceForwardedToAPartnerWaitsForThePartnersAnswer() {
    doReturn("baznas").when(grievances).respond(eq(NUMBER), any(), anyString());
    ProcessInstance grievance = runtimeService().createMessageCorrelation(MSG_GRIEVANCE_SUBMITTED)
        .processInstanceBusinessKey(NUMBER).setVariables(submitted()).correlateStartMessage();
    assertThat(grievance).hasPassed(START_GRIEVANCE_SUBMITTED).isWaitingAt(TASK_HANDLE_GRIEVANCE);

    complete(task(grievance), withVariables(GRIEVANCE_FINDING.name(), "Paket tidak lengkap", GRIEVANCE_ACTION.name(),
        "Ditanyakan ke BAZNAS", GRIEVANCE_OUTCOME.name(), "DITERUSKAN", RESIDENT_INFORMED.name(), false));

    assertThat(grievance).isWaitingAt(TASK_ANSWER_GRIEVANCE);
    assertThat(task(grievance)).hasCandidateGroup("baznas");
    complete(task(grievance), withVariables(PARTNER_ANSWER.name(), "Kekurangan dikirim besok"));

    assertThat(grievance).isEnded().hasPassed(TASK_RECORD_PARTNER_ANSWER, END_PARTNER_ANSWERED)
        .hasNotPassed(TASK_REGISTER_GRIEVANCE);
    verify(grievances).answer(NUMBER, "Kekurangan dikirim besok", "petugas");
  }

  private static Map<String, Object> startForm() {
    Map<String, Object> form = new HashMap<>();
    GRIEVANCE_REFERRAL.put(form, "RJK-2026-000003");
    GRIEVANCE_KIND.put(form, "TERLAMBAT");
    GRIEVANCE_CHANNEL.put(form, "DESK");
    GRIEVANCE_TEXT.put(form, "Dua minggu menunggu");
    GRIEVANCE_ABOUT.put(form, "PUSKESOS");
    return form;
  }

  private static Map<String, Object> submitted() {
    Map<String, Object> variables = new HashMap<>();
    GRIEVANCE_NUMBER.put(variables, NUMBER);
    GRIEVANCE_KIND.put(variables, "BANTUAN_TIDAK_SESUAI");
    GRIEVANCE_KIND_LABEL.put(variables, "Bantuan tidak sesuai janji");
    GRIEVANCE_ABOUT.put(variables, "BAZNAS");
    return variables;
  }
}
