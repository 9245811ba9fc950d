package id.puskesos.rujukan.registry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Checks;

/**
 * A resident's consents per purpose (UU PDP): sharing their data with a non-government partner, being contacted by
 * WhatsApp. Every answer is kept with when, who and where it was given; the latest answer per purpose stands, and a
 * withdrawal ("no") stops sharing from then on. No answer means no consent.
 * <p>
 * A purpose is a code: {@code SHARE_<partner code>} for each non-government partner of the catalogue (a partner added
 * there has its purpose at once), and the contact channels, a small fixed set each of which needs code to send
 * ({@link #CHANNELS}). A government partner needs no consent and has no purpose.
 */
@Service
@Transactional
public class Consents {

  /** The purpose of sharing with a partner: this prefix and the partner's code ({@link #sharingWith}). */
  public static final String SHARE_PREFIX = "SHARE_";
  public static final String CONTACT_WHATSAPP = "CONTACT_WHATSAPP";
  /** The contact channels, purpose to label. */
  public static final Map<String, String> CHANNELS = Map.of(CONTACT_WHATSAPP, "Dihubungi lewat WhatsApp");

  /** Where the answer was given: in the needs assessment, or asked for by the resident afterwards. */
  public enum Source {
    ASSESSMENT, REQUEST
  }

  public record Answer(String purpose, boolean given, Source source, String note, OffsetDateTime recordedAt,
      String recordedBy) {
  }

  /** A purpose with its label and the answer that stands (null: never asked). */
  public record Standing(String purpose, String label, Boolean given) {
  }

  private final JdbcClient jdbc;
  private final ProgramCatalogue catalogue;
  private final Clock clock;

  public Consents(JdbcClient jdbc, ProgramCatalogue catalogue, Clock clock) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /** The purpose that lets the resident's data go to the partner: {@code SHARE_BAZNAS}. */
  public static String sharingWith(String partnerCode) {
    return SHARE_PREFIX + partnerCode;
  }

  /** The partner a sharing purpose names; empty for a channel. */
  public static Optional<String> partnerOf(String purpose) {
    return purpose != null && purpose.startsWith(SHARE_PREFIX) && purpose.length() > SHARE_PREFIX.length()
        ? Optional.of(purpose.substring(SHARE_PREFIX.length()))
        : Optional.empty();
  }

  /**
   * Every purpose an answer can be recorded for now, with its label: sharing with each non-government partner of
   * the catalogue (all of them, so that a resident can always withdraw), then the channels.
   */
  @Transactional(readOnly = true)
  public Map<String, String> purposes() {
    Map<String, String> purposes = new LinkedHashMap<>();
    for (Partner partner : catalogue.partners()) {
      if (!partner.government()) {
        purposes.put(sharingWith(partner.code()), "Berbagi data dengan " + partner.name());
      }
    }
    purposes.putAll(new TreeMap<>(CHANNELS));
    return purposes;
  }

  /** Records an answer when it differs from the one that stands (or none stands yet). */
  public void record(long residentId, String purpose, boolean given, Source source, String note, String actor) {
    Checks checks = new Checks();
    Map<String, String> purposes = purposes();
    checks.check(purpose != null && purposes.containsKey(purpose), "purpose",
        "Keperluan tidak dikenal; pilihan: " + String.join(", ", purposes.keySet()));
    checks.check(source != Source.REQUEST || given || note != null && !note.isBlank(), "note",
        "Catat bagaimana warga mencabut persetujuannya (mis. datang ke Puskesos, surat)");
    checks.check(note == null || note.length() <= 300, "note", "Catatan paling banyak 300 karakter");
    checks.throwIfAny();
    Boolean standing = current(residentId).get(purpose);
    if (standing != null && standing == given) {
      return;
    }
    jdbc.sql("""
        INSERT INTO resident_consent (resident_id, purpose, given, source, note, recorded_at, recorded_by)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(residentId, purpose, given, source.name(), note, OffsetDateTime.now(clock), actor).update();
  }

  /** The answers that stand, by purpose code; a purpose never asked is absent. */
  @Transactional(readOnly = true)
  public Map<String, Boolean> current(long residentId) {
    Map<String, Boolean> current = new TreeMap<>();
    history(residentId).forEach(answer -> current.put(answer.purpose(), answer.given()));
    return current;
  }

  /** Whether the answer that stands for the purpose is yes. */
  @Transactional(readOnly = true)
  public boolean given(long residentId, String purpose) {
    return current(residentId).getOrDefault(purpose, false);
  }

  /** The partners the resident's data may go to by their consent (yes standing), by code, sorted. */
  @Transactional(readOnly = true)
  public List<String> consentedPartners(long residentId) {
    return current(residentId).entrySet().stream().filter(Map.Entry::getValue)
        .flatMap(e -> partnerOf(e.getKey()).stream()).sorted().toList();
  }

  /** Whether the resident's data may go to the partner: government partners need none, others the consent. */
  @Transactional(readOnly = true)
  public boolean maySendTo(long residentId, String partnerCode, boolean governmentPartner) {
    return governmentPartner || given(residentId, sharingWith(partnerCode));
  }

  /**
   * Every purpose with its label and the answer that stands: the purposes of now, then any other the resident once
   * answered (a partner since made a government one), labelled by its code.
   */
  @Transactional(readOnly = true)
  public List<Standing> standing(long residentId) {
    Map<String, Boolean> current = current(residentId);
    List<Standing> standing = new ArrayList<>();
    Map<String, String> purposes = purposes();
    purposes.forEach((purpose, label) -> standing.add(new Standing(purpose, label, current.get(purpose))));
    current.forEach((purpose, given) -> {
      if (!purposes.containsKey(purpose)) {
        standing.add(new Standing(purpose, purpose, given));
      }
    });
    return standing;
  }

  /** Every answer, oldest first. */
  @Transactional(readOnly = true)
  public List<Answer> history(long residentId) {
    return jdbc.sql("""
        SELECT purpose, given, source, note, recorded_at, recorded_by FROM resident_consent
        WHERE resident_id = ? ORDER BY id""")
        .param(residentId)
        .query((rs, row) -> new Answer(rs.getString("purpose"), rs.getBoolean("given"),
            Source.valueOf(rs.getString("source")), rs.getString("note"),
            rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by")))
        .list();
  }
}
