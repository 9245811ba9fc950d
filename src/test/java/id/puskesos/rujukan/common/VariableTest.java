package id.puskesos.rujukan.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

class VariableTest {

  private final Map<String, Object> held = new HashMap<>();
  private final VariableScope scope = scope(held);

  @Test
  void listsReadTheSameFromFormsJsonFromTheApiAndFromText() {
    Variable<List<String>> needs = Variable.list("needs");

    assertThat(needs.read(Spin.JSON("[\"FOOD\", \"CASH\"]"))).containsExactly("FOOD", "CASH");
    assertThat(needs.read(List.of("FOOD", "CASH"))).containsExactly("FOOD", "CASH");
    assertThat(needs.read("[\"FOOD\"]")).containsExactly("FOOD");
    assertThat(needs.read(null)).isEmpty();
  }

  @Test
  void numbersFromFormsAreWholeNumbersOrAClearError() {
    held.putAll(Map.of("a", 200000, "b", 12.0, "c", " 7 ", "d", "tujuh"));

    assertThat(Variable.wholeNumber("a").get(scope)).isEqualTo(200000L);
    assertThat(Variable.wholeNumber("b").get(scope)).isEqualTo(12L);
    assertThat(Variable.count("c").get(scope)).isEqualTo(7);
    assertThat(Variable.wholeNumber("missing").get(scope)).isNull();
    assertThatThrownBy(() -> Variable.wholeNumber("d").get(scope))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("d harus berupa angka");
  }

  @Test
  void idsStayLongsAsTheMultiInstanceCollectionNeedsAndMomentsStayDates() {
    Variable<List<Long>> ids = Variable.wholeNumbers("ids");
    ids.set(scope, List.of(3L, 5L));

    assertThat(held.get("ids")).isEqualTo(List.of(3L, 5L));
    assertThat(ids.get(scope)).containsExactly(3L, 5L);
    assertThat(ids.read(Spin.JSON("[7, 8]"))).containsExactly(7L, 8L);
    assertThat(ids.read(null)).isEmpty();

    Variable<java.util.Date> at = Variable.moment("at");
    java.util.Date now = new java.util.Date();
    at.set(scope, now);
    assertThat(held.get("at")).isSameAs(now);
    assertThat(at.read("2026-10-20T00:00:00Z")).isEqualTo(java.util.Date.from(java.time.Instant.parse(
        "2026-10-20T00:00:00Z")));
    assertThat(at.read(null)).isNull();
  }

  @Test
  void blankTextCountsAsMissingAndAFlagIsFalseUnlessSet() {
    held.putAll(Map.of("note", "   ", "flag", "true"));

    assertThat(Variable.text("note").get(scope)).isNull();
    assertThat(Variable.flag("flag").get(scope)).isTrue();
    assertThat(Variable.flag("missing").get(scope)).isFalse();
  }

  @Test
  void jsonListsAreWrittenAsTheJsonTasklistReadsIntoChecklistsAndReadBack() {
    Variable<List<String>> needs = Variable.jsonList("needs");

    needs.set(scope, List.of("FOOD", "HEALTH"));

    assertThat(held.get("needs")).isInstanceOf(JsonValue.class);
    assertThat(((JsonValue) held.get("needs")).getValueSerialized()).isEqualTo("[\"FOOD\",\"HEALTH\"]");
    assertThat(needs.get(scope)).containsExactly("FOOD", "HEALTH");
  }

  @Test
  void optionsKeepTheirOrderThroughTheEngine() {
    Variable<Map<String, String>> options = Variable.options("programOptions");
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("PKH", "Program Keluarga Harapan");
    labels.put("BPNT", "BPNT / Sembako");

    TypedValue stored = (TypedValue) options.write(labels);

    assertThat(options.read(((JsonValue) stored).getValue())).containsExactlyEntriesOf(labels);
  }

  @Test
  void aVariableMarkedNotForHistoryKeepsItsNameAndType() {
    Variable<Long> income = Variable.wholeNumber("monthlyIncome").notInHistory();

    assertThat(income.name()).isEqualTo("monthlyIncome");
    assertThat(income.type()).isEqualTo(Long.class);
    assertThat(income.history()).isEqualTo(Variable.History.NOT_KEPT);
    assertThat(Variable.wholeNumber("monthlyIncome").history()).isEqualTo(Variable.History.KEPT);
  }

  private static VariableScope scope(Map<String, Object> held) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(i -> held.get(i.<String>getArgument(0)));
    doAnswer(i -> held.put(i.getArgument(0), i.getArgument(1))).when(scope).setVariable(anyString(), any());
    return scope;
  }
}
