package id.puskesos.rujukan.inbound;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.grievance.Grievance;
import id.puskesos.rujukan.grievance.GrievanceChannel;
import id.puskesos.rujukan.grievance.GrievanceKind;
import id.puskesos.rujukan.grievance.GrievanceRequest;
import id.puskesos.rujukan.grievance.Grievances;

/**
 * A resident's complaint about the service sent by WhatsApp ("KELUHAN ..."), opened as a grievance for the
 * koordinator (grievance.Grievances, docs/grievances.md): from a resident's registered number only, linked to the
 * resident's latest case, about the Puskesos (the koordinator reclassifies it and forwards it to a partner when it is
 * about one), of kind "Lainnya" (the text says what). The reply gives the grievance's number.
 */
@Component
class Complaints {

  static final String HOW_TO = "Untuk menyampaikan keluhan, kirim KELUHAN lalu ceritakan apa yang terjadi, dari nomor "
      + "HP yang tercatat di Puskesos, atau datang ke kantor Puskesos kelurahan Anda.";

  private final Grievances grievances;
  private final JdbcClient jdbc;

  Complaints(Grievances grievances, JdbcClient jdbc) {
    this.grievances = grievances;
    this.jdbc = jdbc;
  }

  Reply open(String sender, String text) {
    Optional<String> latestCase = jdbc.sql("""
        SELECT f.referral_number FROM referral f JOIN resident r ON r.id = f.resident_id
        WHERE r.phone = ? ORDER BY f.received_at DESC, f.referral_number DESC""").param(sender)
        .query(String.class).list().stream().findFirst();
    if (latestCase.isEmpty() || text == null || text.length() < 10) {
      return new Reply(Reply.Outcome.NOT_MATCHED, HOW_TO, null);
    }
    try {
      Grievance opened = grievances.open(new GrievanceRequest(latestCase.get(), GrievanceKind.LAINNYA.name(),
          GrievanceChannel.WHATSAPP.name(), text, Grievance.PUSKESOS), Actors.SYSTEM);
      return new Reply(Reply.Outcome.GRIEVANCE_OPENED, ("Keluhan Anda tercatat dengan nomor %s (rujukan %s). "
          + "Koordinator Puskesos akan menanggapi dan menghubungi Anda.")
          .formatted(opened.grievanceNumber(), latestCase.get()), latestCase.get());
    } catch (InvalidInputException e) {
      return new Reply(Reply.Outcome.NOT_MATCHED, HOW_TO, null);
    }
  }
}
