package id.puskesos.rujukan.registry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Checks;

/**
 * A resident's consents per purpose (UU PDP): sharing their data with a non-government partner, being contacted by
 * WhatsApp. Every answer is kept with when, who and where it was given; the latest answer per purpose stands, and a
 * withdrawal ("no") stops sharing from then on. No answer means no consent.
 */
@Service
@Transactional
public class Consents {

  /** What a consent is for; a sharing purpose names the partner it lets receive the data. */
  public enum Purpose {
    SHARE_BAZNAS("BAZNAS", "Berbagi data dengan BAZNAS Kota Bandung"),
    SHARE_SALMAN("SALMAN", "Berbagi data dengan Rumah Amal Salman"),
    CONTACT_WHATSAPP(null, "Dihubungi lewat WhatsApp");

    private final String partnerCode;
    private final String label;

    Purpose(String partnerCode, String label) {
      this.partnerCode = partnerCode;
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The sharing purpose for a partner, if consent can be asked for it. */
    public static Optional<Purpose> sharingWith(String partnerCode) {
      for (Purpose purpose : values()) {
        if (partnerCode.equals(purpose.partnerCode)) {
          return Optional.of(purpose);
        }
      }
      return Optional.empty();
    }
  }

  /** Where the answer was given: in the needs assessment, or asked for by the resident afterwards. */
  public enum Source {
    ASSESSMENT, REQUEST
  }

  public record Answer(Purpose purpose, boolean given, Source source, String note, OffsetDateTime recordedAt,
      String recordedBy) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  public Consents(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records an answer when it differs from the one that stands (or none stands yet). */
  public void record(long residentId, Purpose purpose, boolean given, Source source, String note, String actor) {
    Checks checks = new Checks();
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
        .params(residentId, purpose.name(), given, source.name(), note, OffsetDateTime.now(clock), actor).update();
  }

  /** The answers that stand, per purpose; a purpose never asked is absent. */
  @Transactional(readOnly = true)
  public Map<Purpose, Boolean> current(long residentId) {
    Map<Purpose, Boolean> current = new EnumMap<>(Purpose.class);
    history(residentId).forEach(answer -> current.put(answer.purpose(), answer.given()));
    return current;
  }

  /** Whether the resident's data may go to the partner: government partners need none, others the consent. */
  @Transactional(readOnly = true)
  public boolean maySendTo(long residentId, String partnerCode, boolean governmentPartner) {
    return governmentPartner || Purpose.sharingWith(partnerCode)
        .map(purpose -> current(residentId).getOrDefault(purpose, false)).orElse(false);
  }

  /** Every answer, oldest first. */
  @Transactional(readOnly = true)
  public List<Answer> history(long residentId) {
    return jdbc.sql("""
        SELECT purpose, given, source, note, recorded_at, recorded_by FROM resident_consent
        WHERE resident_id = ? ORDER BY id""")
        .param(residentId)
        .query((rs, row) -> new Answer(Purpose.valueOf(rs.getString("purpose")), rs.getBoolean("given"),
            Source.valueOf(rs.getString("source")), rs.getString("note"),
            rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by")))
        .list();
  }
}
