package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.common.InvalidInputException;

class CaseVariablesTest {

  @Test
  void listsReadTheSameFromFormsJsonFromTheApiAndFromText() {
    assertThat(CaseVariables.strings(Spin.JSON("[\"FOOD\", \"CASH\"]"))).containsExactly("FOOD", "CASH");
    assertThat(CaseVariables.strings(List.of("FOOD", "CASH"))).containsExactly("FOOD", "CASH");
    assertThat(CaseVariables.strings("[\"FOOD\"]")).containsExactly("FOOD");
    assertThat(CaseVariables.strings((Object) null)).isEmpty();
  }

  @Test
  void numbersFromFormsAreWholeNumbersOrAClearError() {
    FakeExecution execution = new FakeExecution(Map.of("a", 200000, "b", 12.0, "c", " 7 ", "d", "tujuh"));

    assertThat(CaseVariables.number(execution.execution, "a")).isEqualTo(200000L);
    assertThat(CaseVariables.number(execution.execution, "b")).isEqualTo(12L);
    assertThat(CaseVariables.number(execution.execution, "c")).isEqualTo(7L);
    assertThat(CaseVariables.number(execution.execution, "missing")).isNull();
    assertThatThrownBy(() -> CaseVariables.number(execution.execution, "d"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("d harus berupa angka");
  }

  @Test
  void blankTextCountsAsMissing() {
    FakeExecution execution = new FakeExecution(Map.of("note", "   ", "flag", "true"));

    assertThat(CaseVariables.string(execution.execution, "note")).isNull();
    assertThat(CaseVariables.flag(execution.execution, "flag")).isTrue();
    assertThat(CaseVariables.flag(execution.execution, "missing")).isFalse();
  }
}
