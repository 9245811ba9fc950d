package id.puskesos.rujukan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.security.FormSubmissionGuard.Endpoint;
import id.puskesos.rujukan.security.FormSubmissionGuard.Kind;

/**
 * Which engine REST requests the guard judges, and which keys a Camunda Form declares. The guard over HTTP, with the
 * real engine and forms: {@code CommandAuthorityScenarioTest}.
 */
class FormSubmissionGuardTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} {1} is {2}")
  @CsvSource({
      "POST, task/t1/submit-form, TASK_FORM",
      "POST, task/t1/complete, TASK_FORM",
      "POST, task/t1/resolve, TASK_FORM",
      "POST, process-definition/p1/submit-form, START_FORM",
      "POST, process-definition/key/referral/start, START_FORM",
      "POST, process-definition/key/referral/tenant-id/x/submit-form, START_FORM",
      "PUT, task/t1/variables/programCode, DIRECT",
      "POST, task/t1/variables/file/data, DIRECT",
      "DELETE, task/t1/localVariables/programCode, DIRECT",
      "POST, process-instance/p1/variables, DIRECT",
      "PUT, execution/e1/localVariables/x, DIRECT",
      "POST, case-instance/c1/variables, DIRECT",
      "POST, process-instance/variables-async, DIRECT",
      "POST, process-instance/p1/modification, DIRECT",
      "POST, process-instance/p1/modification-async, DIRECT",
      "POST, modification/execute, DIRECT",
      "POST, migration/executeAsync, DIRECT",
      "POST, message, DIRECT",
      "POST, signal, DIRECT",
      "POST, condition, DIRECT",
      "POST, execution/e1/signal, DIRECT",
      "POST, execution/e1/messageSubscriptions/msg_budgetReserved/trigger, DIRECT",
      "POST, task/t1/bpmnError, DIRECT",
      "POST, task/t1/bpmnEscalation, DIRECT",
      "POST, external-task/x1/complete, DIRECT",
      "GET, task/t1/variables, OTHER",
      "GET, task/t1/form-variables, OTHER",
      "GET, process-instance/p1/variables/programCode, OTHER",
      "POST, task, OTHER",
      "POST, task/t1/claim, OTHER",
      "POST, task/t1/identity-links, OTHER",
      "POST, filter/f1/list, OTHER",
      "POST, process-instance, OTHER",
      "POST, history/variable-instance, OTHER",
  })
  void judgesTheRequestsThatSetVariables(String method, String path, Kind kind) {
    assertThat(Endpoint.of(method, Arrays.asList(path.split("/"))).kind()).isEqualTo(kind);
  }

  @Test
  void aStartFormByKeyNamesTheKeyAndTheTenant() {
    Endpoint endpoint = Endpoint.of("POST", List.of("process-definition", "key", "referral", "tenant-id", "t",
        "start"));
    assertThat(endpoint.byKey()).isTrue();
    assertThat(endpoint.id()).isEqualTo("referral");
    assertThat(endpoint.tenantId()).isEqualTo("t");
  }

  @Test
  void aFormDeclaresItsKeysConditionalOnesIncludedAndGroupsByTheirPath() throws Exception {
    JsonNode form = JSON.readTree("""
        {"type": "default", "components": [
          {"type": "text", "text": "# Judul"},
          {"type": "radio", "key": "decision"},
          {"type": "number", "key": "grantAmount", "conditional": {"hide": "=decision != \\"ACCEPT\\""}},
          {"type": "textfield", "key": "address.street"},
          {"type": "group", "components": [{"type": "textfield", "key": "inGroupWithoutPath"}]},
          {"type": "group", "path": "household", "components": [{"type": "number", "key": "size"}]},
          {"type": "dynamiclist", "path": "members", "components": [{"type": "textfield", "key": "name"}]},
          {"type": "select", "key": "redirectProgram", "valuesKey": "programOptions"}
        ]}""");
    Set<String> keys = new LinkedHashSet<>();

    DeclaredFormKeys.collect(form, false, keys);

    assertThat(keys).containsExactlyInAnyOrder("decision", "grantAmount", "address", "inGroupWithoutPath",
        "household", "members", "redirectProgram");
  }

  @Test
  void thePartnersDecisionFormDeclaresTheDecisionAndNothingOfTheCaseOrProgram() throws Exception {
    Set<String> keys = new LinkedHashSet<>();
    DeclaredFormKeys.collect(JSON.readTree(new File("forms/partner-decision.form")), false, keys);

    assertThat(keys).containsExactlyInAnyOrder("decision", "grantAmount", "plannedAid", "rejectionCode",
        "rejectionReason", "infoRequest");
  }

  @Test
  void noFormOfACaseDeclaresTheVariablesItsCommandsMustNotTakeFromTheUser() throws Exception {
    for (File file : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      Set<String> keys = new LinkedHashSet<>();
      DeclaredFormKeys.collect(JSON.readTree(file), false, keys);
      List<String> recorded = List.of("programCode", "partnerGroup", "programs", "budgetReserved", "tryAlternative",
          "alternativeProgram", "followUpResult", "redistribute", "distributionComplete", "opinionGroup",
          "residentId");
      assertThat(keys).as(file.getName()).doesNotContainAnyElementsOf(recorded);
      if (!file.getName().equals("withdrawal.form")) {
        // the withdrawal's start form names the case to withdraw; every other form's case is its instance's
        assertThat(keys).as(file.getName()).doesNotContain("referralNumber");
      }
    }
  }
}
