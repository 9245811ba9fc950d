package id.puskesos.rujukan.residentmessage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.NotFoundException;

/**
 * The texts of the resident's messages ({@code resident_message_template}), as the administrator left them. A text
 * may use only the placeholders its turn offers ({@link ResidentTemplate}); identity data (NIK, KK number, birth
 * date) is never one of them, and a long run of digits is refused too, so no edit puts a NIK into a message.
 */
@Service
@Transactional
public class MessageTemplates {

  /** One template as the administrator sees it. */
  public record Template(String key, String label, String body, boolean active, List<String> placeholders,
      String updatedBy, OffsetDateTime updatedAt) {
  }

  /** A template was changed (for the audit trail): by whom, which, from what to what. */
  public record Changed(String actor, String key, String detail) {
  }

  static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern LONG_NUMBER = Pattern.compile("\\d{8,}");
  static final int MAX_LENGTH = 1000;

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public MessageTemplates(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Template> all() {
    return jdbc.sql("SELECT template_key, body, active, updated_by, updated_at FROM resident_message_template")
        .query((rs, row) -> {
          ResidentTemplate kind = ResidentTemplate.valueOf(rs.getString("template_key"));
          return new Template(kind.name(), kind.label(), rs.getString("body"), rs.getBoolean("active"),
              kind.placeholders(), rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class));
        })
        .list().stream().sorted((a, b) -> ResidentTemplate.valueOf(a.key()).compareTo(
            ResidentTemplate.valueOf(b.key())))
        .toList();
  }

  /** The text of an active template, or empty when the administrator switched it off. */
  @Transactional(readOnly = true)
  public Optional<String> activeBody(ResidentTemplate kind) {
    return jdbc.sql("SELECT body FROM resident_message_template WHERE template_key = ? AND active = TRUE")
        .param(kind.name()).query(String.class).optional();
  }

  /** Replaces a template's text (and whether it is sent), after checking its placeholders. */
  public Template update(String key, String body, Boolean active, String actor) {
    ResidentTemplate kind = kind(key);
    Checks checks = new Checks();
    String text = checks.required("body", body, "Teks pesan");
    if (text != null) {
      problems(kind, text).forEach(problem -> checks.add("body", problem));
    }
    checks.throwIfAny();
    Template before = all().stream().filter(t -> t.key().equals(kind.name())).findFirst().orElseThrow();
    boolean nowActive = active == null ? before.active() : active;
    jdbc.sql("""
        UPDATE resident_message_template SET body = ?, active = ?, updated_by = ?, updated_at = ?
        WHERE template_key = ?""")
        .params(text, nowActive, actor, OffsetDateTime.now(clock), kind.name()).update();
    events.publishEvent(new Changed(actor, kind.name(), "%s%s: \"%s\" -> \"%s\"".formatted(kind.name(),
        before.active() == nowActive ? "" : nowActive ? " (diaktifkan)" : " (dinonaktifkan)",
        before.body(), text)));
    return all().stream().filter(t -> t.key().equals(kind.name())).findFirst().orElseThrow();
  }

  /** What is wrong with the text for this turn, in Bahasa Indonesia; empty when it may be saved. */
  static List<String> problems(ResidentTemplate kind, String text) {
    Set<String> problems = new LinkedHashSet<>();
    if (text.length() > MAX_LENGTH) {
      problems.add("Teks pesan paling banyak %d karakter".formatted(MAX_LENGTH));
    }
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String name = m.group(1).trim().toLowerCase();
      if (ResidentTemplate.FORBIDDEN.contains(name)) {
        problems.add("Placeholder {%s} tidak boleh dipakai: pesan kepada warga tidak boleh memuat NIK, nomor KK, "
            .formatted(m.group(1)) + "tanggal lahir, nomor telepon atau alamat");
      } else if (!kind.placeholders().contains(m.group(1))) {
        problems.add("Placeholder {%s} tidak tersedia untuk pesan %s; yang tersedia: %s".formatted(m.group(1),
            kind.name(), String.join(", ", kind.placeholders().stream().map(p -> "{" + p + "}").toList())));
      }
    }
    if (LONG_NUMBER.matcher(text).find()) {
      problems.add("Teks pesan tidak boleh memuat deretan angka panjang (NIK, nomor KK atau nomor telepon)");
    }
    return List.copyOf(problems);
  }

  /** The text with each placeholder replaced by its value (a value missing is left out). */
  static String render(String body, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString().replaceAll(" {2,}", " ").trim();
  }

  private static ResidentTemplate kind(String key) {
    for (ResidentTemplate kind : ResidentTemplate.values()) {
      if (kind.name().equals(key)) {
        return kind;
      }
    }
    throw new NotFoundException("Templat pesan %s tidak dikenal".formatted(key));
  }
}
