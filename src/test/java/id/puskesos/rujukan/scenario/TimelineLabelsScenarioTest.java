package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.partner.RejectionCode;
import id.puskesos.rujukan.referral.Channel;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.Outcome;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.Stage;
import id.puskesos.rujukan.registry.DtksStatus;

/**
 * The timeline a person reads names things by their labels, never by the codes the software keeps: a case with a
 * merged complaint, a field verification that asked a health worker's opinion, an assessment, a referral accepted,
 * confirmed and handed over. Each entry credits the person whose own input it records, and the system for what the
 * engine worked out or did on its own, even in the same transaction as that person's task (docs/architecture.md).
 */
class TimelineLabelsScenarioTest extends ScenarioTestSupport {

  /**
   * Entries others are rewriting: the follow-up's text (its answers YES/NO) and the partner's request for
   * information (the program's code).
   */

  @Test
  void timelineTextsShowLabelsNeverCodes() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    Map<String, Object> again = new HashMap<>(intake);
    again.put("channel", "WHATSAPP");
    again.put("needs", List.of("FOOD", "EDUCATION"));
    api.submitIntake("fo", again);
    api.complete("fasilitator", number, "task_homeVisit", "visitDate", CaseApi.today().toString(),
        "visitFindings", "Rumah semi permanen", "correctedAddress", "Jl. Tamansari Gg. Sukaasih No. 12",
        "correctedRt", "3", "correctedRw", "7", "dtksStatus", "LISTED", "desil", 2, "deceased", false,
        "movedAway", false, "opinionsRequested", List.of("nakes", "babinsa"), "verificationResult", "VALID");
    for (String group : List.of("nakes", "babinsa")) {
      assertThat(api.submitForm(group, api.partnerTask(number, "task_giveOpinion", group).getId(), "opinion",
          "Tidak ada catatan khusus").getStatusCode().value()).isEqualTo(204);
    }
    api.referTo(number, "BAZNAS_KONSUMTIF", "FOOD");
    api.topUp("BAZNAS_KONSUMTIF", 5_000_000L);
    api.partnerDecides(number, "BAZNAS_KONSUMTIF", "baznas", "decision", "ACCEPT");
    api.partnerHandsOver(number, "BAZNAS_KONSUMTIF", "baznas", true, "aidAmount", 500000);
    api.followUp(number, "YES", "NO", "PARTLY", 3);
    api.complete("koordinator", number, "task_checkDiscrepancy", "discrepancyResolution", "RECEIVED",
        "discrepancyNote", "Tanda terima ada");

    List<String> texts = new ArrayList<>();
    api.view(number).get("timeline").forEach(e -> texts.add(e.get("text").asText()));

    assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("Pengaduan diterima (Datang langsung): Pangan"));
    assertThat(texts).anySatisfy(t -> assertThat(t)
        .startsWith("Pengaduan tambahan (WhatsApp) digabungkan; kebutuhan baru: Pendidikan"));
    assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("Verifikasi lapangan "
        + Dates.written(CaseApi.today()) + ": ").contains("pendapat diminta dari Babinsa, tenaga kesehatan"));
    assertThat(texts).contains("Tindak lanjut: bantuan tidak diterima, membantu sebagian, kepuasan 3",
        "Kasus ditutup: Terfasilitasi");
    Pattern codes = Pattern.compile("\\b(" + String.join("|", codes()) + ")\\b");
    assertThat(texts).isNotEmpty().noneMatch(t -> codes.matcher(t).find());
  }

  @Test
  void routingAfterTheAssessmentIsCreditedToTheSystemAndTheAssessmentToTheFasilitator() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);

    api.assessEligibleOnly(number, true, true, "FOOD");

    List<JsonNode> afterAssessment = entriesFrom(number, "ASSESSED");
    assertThat(afterAssessment.get(0).get("actor").asText()).isEqualTo("fasilitator");
    assertThat(afterAssessment).filteredOn(e -> e.get("type").asText().equals("ROUTED")).isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo(Actors.SYSTEM));
    assertThat(afterAssessment).filteredOn(e -> e.get("type").asText().equals("STAGE_ENTERED"))
        .extracting(e -> e.get("text").asText() + " / " + e.get("actor").asText())
        .containsExactly("Tahap: Penentuan rujukan / " + Actors.SYSTEM);
    assertThat(entriesFrom(number, "HOME_VISITED").get(0).get("actor").asText()).isEqualTo("fasilitator");
    assertThat(entriesFrom(number, "REGISTRY_CHECKED").get(0).get("actor").asText()).isEqualTo(Actors.SYSTEM);

    // the koordinator's approval is the koordinator's; the letter and the sending that follow are the system's
    api.approveRecommendation(number);
    List<String> sent = List.of("PROGRAM_REFERRED", "PROPOSAL_BATCHED");
    // routing's proposal is a PROGRAM_REFERRED entry too: wait for the sending after the decision
    await().atMost(Duration.ofSeconds(30)).until(() -> entriesFrom(number, "SERVICE_DECIDED").stream()
        .anyMatch(e -> sent.contains(e.get("type").asText())));
    assertThat(entriesFrom(number, "RECOMMENDATION_PREPARED").get(0).get("actor").asText()).isEqualTo("bo");
    List<JsonNode> decided = entriesFrom(number, "SERVICE_DECIDED");
    assertThat(decided.get(0).get("actor").asText()).isEqualTo("koordinator");
    assertThat(decided).filteredOn(e -> sent.contains(e.get("type").asText()))
        .isNotEmpty().allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo(Actors.SYSTEM));
  }

  /** The case's timeline from the first entry of that type on, oldest first. */
  private List<JsonNode> entriesFrom(String number, String type) {
    List<JsonNode> entries = new ArrayList<>();
    api.view(number).get("timeline").forEach(e -> {
      if (!entries.isEmpty() || e.get("type").asText().equals(type)) {
        entries.add(e);
      }
    });
    assertThat(entries).as("a %s entry", type).isNotEmpty();
    return entries;
  }

  /** Every code of the vocabularies a timeline text could name, and the opinion groups' ids. */
  private static List<String> codes() {
    List<String> codes = new ArrayList<>(List.of("nakes", "babinsa"));
    Stream.of(ProgramStatus.values(), Outcome.values(), Need.values(), Stage.values(), RejectionCode.values(),
        DtksStatus.values()).flatMap(Stream::of).map(Enum::name).forEach(codes::add);
    // SLRT is the label's own word ("SLRT Kota")
    Stream.of(Channel.values()).filter(c -> c != Channel.SLRT).map(Enum::name).forEach(codes::add);
    return codes;
  }
}
