package id.puskesos.rujukan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Bahasa Indonesia locale of each Camunda webapp (src/main/resources/META-INF/resources/webjars/camunda/app/
 * {app}/locales/id.json) against the English one of the Camunda webjar on the classpath: the same keys, every
 * placeholder and HTML tag of the English text kept, and nothing left in English but the words both languages
 * share. When a Camunda upgrade adds, renames or drops a key, this test names it (docs/language.md).
 */
class WebappTranslationTest {

  /** In the order they were translated; an app is checked once its id.json exists. */
  private static final List<String> APPS = List.of("tasklist", "welcome", "admin", "cockpit");

  /**
   * Texts the same in both languages: the names of products, apps and file formats, and the words Indonesian
   * (and Indonesian IT staff) use as they are.
   */
  private static final Set<String> SAME_IN_BOTH = Set.of(
      "Camunda", "Camunda Cockpit", "Cockpit", "Tasklist", "Admin", "Optimize", "CSV", "JSON",
      "Filter", "ID", "ID*", "Tenant: ID", "Label", "Operator", "Diagram", "Email", "Status", "Valid", "OK",
      "Min", "Minimum:", "Batch", "batch", "Job", "Deployment", "Tenant", "Process engine", "Endpoint", "Payload",
      "Exception");

  /** AngularJS placeholders ({{ name }}) and moment.js ones (%d, %s). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|%[ds]");
  private static final Pattern HTML_TAG = Pattern.compile(
      "</?(a|b|br|strong|em|i|code|p|ul|ol|li|span|div|pre|u|small|kbd)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> translatedApps() {
    return APPS.stream().filter(app -> resource(app, "id") != null);
  }

  @Test
  void tasklistIsTranslatedAtLeast() {
    assertThat(translatedApps()).contains("tasklist");
  }

  @ParameterizedTest
  @MethodSource("translatedApps")
  void indonesianHasExactlyTheKeysOfEnglish(String app) throws IOException {
    Map<String, String> english = flatten(read(app, "en"));
    Map<String, String> indonesian = flatten(read(app, "id"));

    assertThat(indonesian.keySet()).as("keys of %s/locales/id.json, as in Camunda's en.json", app)
        .containsExactlyInAnyOrderElementsOf(english.keySet());
  }

  @ParameterizedTest
  @MethodSource("translatedApps")
  void everyPlaceholderAndTagOfEnglishIsKept(String app) throws IOException {
    Map<String, String> english = flatten(read(app, "en"));
    Map<String, String> indonesian = flatten(read(app, "id"));

    List<String> lost = new ArrayList<>();
    english.forEach((key, text) -> {
      String translated = indonesian.getOrDefault(key, "");
      if (!all(PLACEHOLDER, translated).containsAll(all(PLACEHOLDER, text))
          || !sorted(all(HTML_TAG, translated)).equals(sorted(all(HTML_TAG, text)))) {
        lost.add(key + ": \"" + text + "\" -> \"" + translated + "\"");
      }
    });
    assertThat(lost).as("texts of %s whose placeholders or HTML tags were lost", app).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("translatedApps")
  void noLabelIsLeftInEnglish(String app) throws IOException {
    Map<String, String> english = flatten(read(app, "en").path("labels"));
    Map<String, String> indonesian = flatten(read(app, "id").path("labels"));

    List<String> untranslated = english.entrySet().stream()
        .filter(label -> label.getValue().equals(indonesian.get(label.getKey())))
        .filter(label -> LETTER.matcher(label.getValue()).find() && !SAME_IN_BOTH.contains(label.getValue()))
        .map(label -> label.getKey() + ": " + label.getValue()).toList();
    assertThat(untranslated).as("labels of %s still in English", app).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("translatedApps")
  void relativeDatesAreIndonesianWhereTheAppFormatsDates(String app) throws IOException {
    JsonNode english = read(app, "en");
    JsonNode indonesian = read(app, "id");

    if (english.has("dateLocales")) {
      assertThat(indonesian.at("/dateLocales/relativeTime/future").asText()).isEqualTo("%s lagi");
      assertThat(indonesian.at("/dateLocales/months/0").asText()).isEqualTo("Januari");
    }
  }

  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", node, flat);
    return flat;
  }

  private static void flatten(String path, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> flatten(path + "/" + field.getKey(), field.getValue(), flat));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "/" + i, node.get(i), flat);
      }
    } else {
      flat.put(path, node.asText());
    }
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static List<String> sorted(List<String> list) {
    return list.stream().sorted().toList();
  }

  private static URL resource(String app, String locale) {
    return WebappTranslationTest.class.getClassLoader()
        .getResource("META-INF/resources/webjars/camunda/app/" + app + "/locales/" + locale + ".json");
  }

  private static JsonNode read(String app, String locale) throws IOException {
    URL url = resource(app, locale);
    assertThat(url).as("%s/locales/%s.json on the classpath", app, locale).isNotNull();
    try (InputStream in = url.openStream()) {
      // Camunda's files start with a byte order mark, which Jackson does not skip
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }
}
