package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.registry.AccessLog;
import id.puskesos.rujukan.registry.Registry;

/**
 * Finding a case: by its number, the resident's NIK, KK, name or RT/RW, a page at a time; each organisation finds
 * only the cases it may see; a search by NIK is logged as a look-up of the person; bad input gets a clear answer.
 * The case itself shows every complaint as it was made, the merged one included.
 */
class CaseSearchScenarioTest extends ScenarioTestSupport {

  @Autowired
  private Registry registry;
  @Autowired
  private AccessLog accessLog;

  @Test
  void staffFindACaseByEachOfItsKeysAndPartnersOnlyOnceItIsSentToThem() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    String name = uniqueName();
    intake.put("fullName", name);
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    String nik = intake.get("nik").toString();
    String kk = intake.get("kkNumber").toString();
    long resident = registry.findByNik(nik).orElseThrow().id();

    for (String query : List.of("number=" + number, "q=" + number, "nik=" + nik, "q=" + nik, "kk=" + kk, "q=" + kk,
        "name=" + name.toLowerCase().substring(2, 12), "q=" + name.toUpperCase(),
        "q=3/7&name=" + name, "rt=003&rw=7&name=" + name, "status=open&name=" + name)) {
      JsonNode page = search("fo", query);
      assertThat(page.get("total").asLong()).as(query).isEqualTo(1);
      JsonNode hit = page.get("items").get(0);
      assertThat(hit.get("referralNumber").asText()).isEqualTo(number);
      assertThat(hit.get("residentName").asText()).isEqualTo(name);
      assertThat(hit.get("nikMasked").asText()).isNotEqualTo(nik).startsWith(nik.substring(0, 4)).contains("*");
      assertThat(hit.toString()).doesNotContain(nik);
    }
    assertThat(search("fo", "status=CLOSED&name=" + name).get("total").asLong()).isZero();
    assertThat(accessLog.entries(resident)).filteredOn(e -> e.purpose() == AccessLog.Purpose.CASE_SEARCH)
        .hasSizeGreaterThanOrEqualTo(4).allSatisfy(e -> {
          assertThat(e.by()).isEqualTo("fo");
          assertThat(e.detail()).doesNotContain(nik).doesNotContain(kk);
        });

    // partners: nothing until a program of theirs is sent, then the case; never another partner's
    assertThat(search("baznas", "q=" + nik).get("total").asLong()).isZero();
    api.verifyValid(number);
    api.referTo(number, "BAZNAS_KONSUMTIF", "FOOD");
    api.awaitProgramStatus(number, "BAZNAS_KONSUMTIF", "REFERRED");
    assertThat(search("baznas", "q=" + nik).get("items").get(0).get("referralNumber").asText()).isEqualTo(number);
    assertThat(search("baznas", "number=" + number).get("total").asLong()).isEqualTo(1);
    assertThat(search("salman", "number=" + number).get("total").asLong()).isZero();
    assertThat(search("salman", "q=" + nik).get("total").asLong()).isZero();
    // the search finds exactly what the case page lets each organisation open
    for (String partner : List.of("baznas", "salman", "dinsos", "slrt")) {
      boolean opens = http.exchange("/api/referrals/" + number, HttpMethod.GET,
          new HttpEntity<>(CaseApi.headers(partner)), JsonNode.class).getStatusCode().value() == 200;
      assertThat(search(partner, "q=" + nik).get("total").asLong()).as(partner).isEqualTo(opens ? 1 : 0);
    }
    assertThat(search("nakes", "name=" + name).get("total").asLong()).isZero();
  }

  @Test
  void aPageAtATimeNewestFirst() {
    String name = uniqueName();
    List<String> numbers = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> intake = CaseApi.intake("FOOD");
      intake.put("fullName", name);
      numbers.add(api.submitIntake("fo", intake).getBody().get("referralNumber").asText());
    }
    JsonNode first = search("koordinator", "name=" + name + "&size=2");
    assertThat(first.get("total").asLong()).isEqualTo(3);
    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("items").get(0).get("referralNumber").asText()).isEqualTo(numbers.get(2));
    JsonNode second = search("koordinator", "name=" + name + "&size=2&page=1");
    assertThat(second.get("items")).hasSize(1);
    assertThat(second.get("items").get(0).get("referralNumber").asText()).isEqualTo(numbers.get(0));
  }

  @Test
  void badSearchesAreRefusedInIndonesianAndStrangersAreNotLetIn() {
    Map<String, String> refused = Map.of(
        "nik=12345", "NIK harus 16 digit angka",
        "kk=abc", "Nomor KK harus 16 digit angka",
        "name=ab", "Nama yang dicari minimal 3 huruf",
        "rt=12a", "RT harus 1 sampai 3 digit angka",
        "status=LOST", "Status harus OPEN",
        "size=1000", "Jumlah per halaman harus angka 1 sampai 100",
        "page=abc", "Halaman harus angka",
        "number=RJK'x", "Nomor rujukan hanya berisi");
    refused.forEach((query, message) -> {
      ResponseEntity<JsonNode> answer = get("fo", query);
      assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
      assertThat(answer.getBody().toString()).as(query).contains(message);
    });
    assertThat(get(null, "q=Siti").getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void theCaseShowsEveryComplaintAsMadeToStaffOnly() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    Map<String, Object> again = new HashMap<>(intake);
    again.put("channel", "WHATSAPP");
    again.put("needs", List.of("EDUCATION"));
    again.put("description", "Anak kedua belum punya seragam sekolah");
    api.submitIntake("fo", again);

    JsonNode complaints = api.view(number).get("complaints");
    assertThat(complaints).hasSize(2);
    assertThat(complaints.get(0).get("channelLabel").asText()).isEqualTo("Datang langsung");
    assertThat(complaints.get(0).get("merged").asBoolean()).isFalse();
    assertThat(complaints.get(0).get("text").asText()).isEqualTo(intake.get("description"));
    assertThat(complaints.get(1).get("channel").asText()).isEqualTo("WHATSAPP");
    assertThat(complaints.get(1).get("merged").asBoolean()).isTrue();
    assertThat(complaints.get(1).get("needs").get(0).asText()).isEqualTo("Pendidikan");
    assertThat(complaints.get(1).get("text").asText()).isEqualTo("Anak kedua belum punya seragam sekolah");
    assertThat(complaints.get(1).get("receivedAt").asText()).isNotBlank();
  }

  private JsonNode search(String user, String query) {
    ResponseEntity<JsonNode> answer = get(user, query);
    assertThat(answer.getStatusCode().value()).as(query + " " + answer.getBody()).isEqualTo(200);
    return answer.getBody();
  }

  private ResponseEntity<JsonNode> get(String user, String query) {
    return http.exchange("/api/referrals?" + query, HttpMethod.GET, new HttpEntity<>(CaseApi.headers(user)),
        JsonNode.class);
  }

  /** A name no other test's resident has: letters only, as the registry accepts names. */
  private static String uniqueName() {
    StringBuilder name = new StringBuilder("Warsini ");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 10; i++) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    return name.toString();
  }
}
