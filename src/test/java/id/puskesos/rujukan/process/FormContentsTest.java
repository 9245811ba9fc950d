package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.common.Variable;

/**
 * What staff read on every Camunda Form in {@code forms/}: each field that Tasklist shows with a label has one (a
 * datetime field's {@code dateLabel}/{@code timeLabel}), each option of a choice has one, and every
 * {@code {{placeholder}}} of a text names a declared process variable, so that no line reads "Surat rekomendasi:"
 * with nothing after it because the form asks for a variable no step writes.
 */
class FormContentsTest {

  private static final Path FORMS = Path.of("forms");
  /** Component types Tasklist shows with the component's {@code label}. */
  private static final Set<String> LABELLED = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
      "checklist", "taglist", "filepicker");
  /** Component types without a label of their own (layout and text). */
  private static final Set<String> UNLABELLED = Set.of("text", "html", "spacer", "separator", "image", "button",
      "group", "dynamiclist", "table", "iframe", "expression");
  /** The label a datetime field shows, by its subtype. */
  private static final Map<String, List<String>> DATETIME_LABELS = Map.of("date", List.of("dateLabel"), "time",
      List.of("timeLabel"), "datetime", List.of("dateLabel", "timeLabel"));
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][\\w.]*)\\s*}}");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyFieldAndOptionOfEveryFormHasALabel() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path form : forms()) {
      missing.addAll(unlabelled(form.getFileName().toString(), json.readTree(form.toFile())));
    }
    assertThat(missing).as("form fields without a label").isEmpty();
  }

  @Test
  void everyPlaceholderOfEveryFormNamesADeclaredVariable() throws IOException {
    Set<String> declared = ProcessVariables.all().stream().map(Variable::name).collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>();
    for (Path form : forms()) {
      for (String name : placeholders(json.readTree(form.toFile()))) {
        if (!declared.contains(name)) {
          unknown.add(form.getFileName() + ": {{" + name + "}}");
        }
      }
    }
    assertThat(unknown).as("placeholders no process variable answers").isEmpty();
  }

  @Test
  void theChecksFindAnEmptyLabelAMissingDateLabelAnUnlabelledOptionAndAnUnknownPlaceholder() throws IOException {
    JsonNode form = json.readTree("""
        {"components": [
          {"type": "text", "text": "**Surat:** {{recommendationNumber}} {{referralNumber}}"},
          {"type": "textarea", "id": "field_answer", "key": "infoResponse", "label": " "},
          {"type": "number", "id": "field_amount", "key": "grantAmount"},
          {"type": "datetime", "id": "field_day", "key": "visitDate", "subtype": "date", "label": "Tanggal"},
          {"type": "group", "components": [
            {"type": "radio", "id": "field_choice", "key": "decision", "label": "Keputusan",
             "values": [{"label": "Diterima", "value": "ACCEPT"}, {"label": "", "value": "REJECT"}]}]},
          {"type": "fancywidget", "id": "field_new", "key": "x", "label": "X"}
        ]}""");
    assertThat(unlabelled("x.form", form)).containsExactly("x.form: textarea field_answer (infoResponse)",
        "x.form: number field_amount (grantAmount)", "x.form: datetime field_day (visitDate) dateLabel",
        "x.form: radio field_choice (decision) option REJECT",
        "x.form: fancywidget field_new (x) is a component type this test does not know");
    assertThat(placeholders(form)).containsExactly("recommendationNumber", "referralNumber");
    assertThat(forms()).hasSizeGreaterThan(20);
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
  }

  private static List<String> unlabelled(String file, JsonNode form) {
    List<String> missing = new ArrayList<>();
    for (JsonNode component : components(form)) {
      String type = component.path("type").asText();
      String name = file + ": " + type + " " + component.path("id").asText() + " ("
          + component.path("key").asText() + ")";
      if (type.equals("datetime")) {
        for (String label : DATETIME_LABELS.getOrDefault(component.path("subtype").asText("date"),
            List.of("dateLabel"))) {
          if (component.path(label).asText().isBlank()) {
            missing.add(name + " " + label);
          }
        }
      } else if (LABELLED.contains(type)) {
        if (component.path("label").asText().isBlank()) {
          missing.add(name);
        }
      } else if (!UNLABELLED.contains(type)) {
        missing.add(name + " is a component type this test does not know");
      }
      for (JsonNode option : component.path("values")) {
        if (option.path("label").asText().isBlank()) {
          missing.add(name + " option " + option.path("value").asText());
        }
      }
    }
    return missing;
  }

  /** The variables the form's texts name, in order of appearance. */
  private static List<String> placeholders(JsonNode form) {
    List<String> names = new ArrayList<>();
    for (JsonNode component : components(form)) {
      Matcher matcher = PLACEHOLDER.matcher(component.path("text").asText());
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /** Every component, those inside groups and dynamic lists included. */
  private static List<JsonNode> components(JsonNode parent) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : parent.path("components")) {
      all.add(component);
      all.addAll(components(component));
    }
    return all;
  }
}
