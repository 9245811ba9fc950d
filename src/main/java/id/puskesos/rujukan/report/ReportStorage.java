package id.puskesos.rujukan.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Dates;

/**
 * A report as it is kept: its figures frozen as JSON when it is drawn up (an activity report's version, an
 * evaluation's pack), and the line that says when and by whom it was drawn up.
 */
@Component
public class ReportStorage {

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm 'WIB'",
      Locale.forLanguageTag("id-ID"));

  private final ObjectMapper json;
  private final Actors actors;
  private final Clock clock;

  public ReportStorage(ObjectMapper json, Actors actors, Clock clock) {
    this.json = json;
    this.actors = actors;
    this.clock = clock;
  }

  /**
   * "Disusun 2 Desember 2026 14.05 WIB oleh sistem (jadwal)" when the schedule drew it up, "... atas permintaan
   * Koordinator Puskesos" when a person asked for it.
   */
  public String generated(String actor) {
    return "Disusun " + AT.format(OffsetDateTime.now(clock).atZoneSameInstant(Dates.BANDUNG))
        + (Actors.SYSTEM.equals(actor) ? " oleh sistem (jadwal)" : " atas permintaan " + actors.displayName(actor));
  }

  public byte[] write(Report report) {
    try {
      return json.writeValueAsBytes(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Report read(byte[] stored) {
    try {
      return json.readValue(stored, Report.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
