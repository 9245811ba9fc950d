package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A handover's receipt, photographed or scanned, attached by the partner's staff who hand the aid over and kept with
 * the case (docs/partners.md, "Distribution"; docs/security.md): what is accepted, who attaches and who reads it.
 */
class HandoverProofScenarioTest extends ScenarioTestSupport {

  private static final String PROGRAM = "BAZNAS_KONSUMTIF";

  @Autowired
  private HistoryService historyService;

  @Test
  void aPhotoAttachedByThePartnersStaffIsListedWithTheProgramAndReadBackAsItWasSent() throws Exception {
    String number = api.caseWithAidHandedOver();
    byte[] photo = png();
    byte[] scan = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);

    ResponseEntity<JsonNode> attached = upload("baznas", number, PROGRAM, photo, "tanda-terima.png", "image/png");
    ResponseEntity<JsonNode> scanned = upload("baznas", number, PROGRAM, scan, "berita-acara.pdf",
        "application/octet-stream");

    assertThat(attached.getStatusCode().value()).as(String.valueOf(attached.getBody())).isEqualTo(201);
    assertThat(scanned.getStatusCode().value()).as(String.valueOf(scanned.getBody())).isEqualTo(201);
    JsonNode listed = api.program(number, PROGRAM).get("handoverProofs");
    assertThat(listed).hasSize(2);
    JsonNode first = listed.get(0);
    assertThat(first.get("contentType").asText()).isEqualTo("image/png");
    assertThat(first.get("size").asLong()).isEqualTo(photo.length);
    assertThat(first.get("sha256").asText()).isEqualTo(sha256(photo));
    assertThat(first.get("uploadedBy").asText()).isEqualTo("baznas");
    assertThat(first.get("uploadedAt").isNull()).isFalse();
    assertThat(first.get("url").asText()).isEqualTo(attached.getHeaders().getLocation().toString())
        .isEqualTo("/api/referrals/%s/programs/%s/handover-proofs/%d".formatted(number, PROGRAM,
            first.get("id").asLong()));
    assertThat(listed.get(1).get("contentType").asText()).isEqualTo("application/pdf");

    for (String reader : List.of("baznas", "bo", "manajer")) {
      ResponseEntity<byte[]> read = api.bytes(reader, first.get("url").asText());
      assertThat(read.getStatusCode().value()).as(reader).isEqualTo(200);
      assertThat(read.getBody()).as(reader).isEqualTo(photo);
      assertThat(read.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
      assertThat(read.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline");
      assertThat(read.getHeaders().get("X-Content-Type-Options")).containsExactly("nosniff");
      assertThat(read.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
    }
    ResponseEntity<byte[]> pdf = api.bytes("bo", listed.get(1).get("url").asText());
    assertThat(pdf.getBody()).isEqualTo(scan);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
    assertThat(api.timeline(number, "HANDOVER_PROOF_ATTACHED")).containsExactly(
        "Bukti penyerahan Bantuan konsumtif fakir miskin dilampirkan (foto PNG, %d byte)".formatted(photo.length),
        "Bukti penyerahan Bantuan konsumtif fakir miskin dilampirkan (PDF, %d byte)".formatted(scan.length));
    // the engine never held the files: no variable of the case's processes is binary or a file
    List<HistoricVariableInstance> variables = new ArrayList<>();
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list()
        .forEach(p -> variables.addAll(historyService.createHistoricVariableInstanceQuery()
            .processInstanceId(p.getId()).disableBinaryFetching().list()));
    assertThat(variables).isNotEmpty().noneMatch(v -> List.of("bytes", "file").contains(v.getTypeName()));
  }

  @Test
  void aFileThatIsNoPhotoOrPdfIsRefusedWhateverItIsCalled() {
    String number = api.caseWithAidHandedOver();

    List<ResponseEntity<JsonNode>> refused = List.of(
        upload("baznas", number, PROGRAM, "bukan gambar, hanya teks".getBytes(StandardCharsets.UTF_8),
            "tanda-terima.png", "image/png"),
        upload("baznas", number, PROGRAM, "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8), "tanda-terima.jpg", "image/jpeg"),
        upload("baznas", number, PROGRAM, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
            "berita-acara.pdf", "application/pdf"),
        upload("baznas", number, PROGRAM, new byte[0], "kosong.png", "image/png"));

    assertThat(refused).allSatisfy(answer -> {
      assertThat(answer.getStatusCode().value()).isEqualTo(400);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody().get("detail").asText()).contains("Berkas harus foto (JPEG/PNG) atau PDF");
      assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("file");
    });
    assertThat(api.program(number, PROGRAM).get("handoverProofs")).isEmpty();
    assertThat(api.timeline(number, "HANDOVER_PROOF_ATTACHED")).isEmpty();
  }

  @Test
  void aFileOverTheLimitIsRefusedInBahasaIndonesiaAndOtherBodiesStayAtTheirs() throws IOException {
    String number = api.caseWithAidHandedOver();
    byte[] photo = png();
    byte[] large = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(photo, 0, large, 0, photo.length);
    byte[] atTheLimit = java.util.Arrays.copyOf(large, 5 * 1024 * 1024);

    ResponseEntity<JsonNode> tooLarge = upload("baznas", number, PROGRAM, large, "tanda-terima.png", "image/png");
    ResponseEntity<JsonNode> withoutFile = uploadPart("baznas", number, PROGRAM, "berkas", photo);
    ResponseEntity<JsonNode> withdrawal = api.post("fo", "/api/referrals/" + number + "/withdrawal",
        Map.of("reason", "x".repeat(70_000)));

    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(tooLarge.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(tooLarge.getBody().get("type").asText()).isEqualTo("urn:rujukan:problem:body-too-large");
    assertThat(tooLarge.getBody().get("detail").asText()).isEqualTo("Berkas terlalu besar: maksimal 5 MB");
    assertThat(withoutFile.getStatusCode().value()).isEqualTo(400);
    assertThat(withoutFile.getBody().get("detail").asText()).contains("Lampirkan berkas pada isian 'file'");
    assertThat(api.program(number, PROGRAM).get("handoverProofs")).isEmpty();
    // the proofs' limit is theirs: any other body of the API is still held to 64 KB
    assertThat(withdrawal.getStatusCode().value()).isEqualTo(413);
    assertThat(withdrawal.getBody().get("detail").asText()).contains("64 KB");
    ResponseEntity<JsonNode> fits = upload("baznas", number, PROGRAM, atTheLimit, "tanda-terima.png", "image/png");
    assertThat(fits.getStatusCode().value()).as(String.valueOf(fits.getBody())).isEqualTo(201);
    assertThat(fits.getBody().get("size").asLong()).isEqualTo(5 * 1024 * 1024);
  }

  @Test
  void onlyThePartnersStaffAttachAndOnlyThoseWhoSeeTheProgramRead() throws IOException {
    String number = api.caseWithAidHandedOver();
    byte[] photo = png();
    String url = upload("baznas", number, PROGRAM, photo, "tanda-terima.png", "image/png").getHeaders()
        .getLocation().toString();

    // other organisations do not see the case (404); Puskesos staff see it, but do not hand BAZNAS's aid over (403)
    for (String outsider : List.of("salman", "dinsos", "nakes", "slrt")) {
      assertThat(upload(outsider, number, PROGRAM, photo, "a.png", "image/png").getStatusCode().value())
          .as(outsider).isEqualTo(404);
      assertThat(api.bytes(outsider, url).getStatusCode().value()).as(outsider).isEqualTo(404);
    }
    for (String puskesos : List.of("fo", "bo", "koordinator", "fasilitator", "manajer")) {
      ResponseEntity<JsonNode> refused = upload(puskesos, number, PROGRAM, photo, "a.png", "image/png");
      assertThat(refused.getStatusCode().value()).as(puskesos).isEqualTo(403);
      assertThat(refused.getBody().get("detail").asText()).as(puskesos)
          .isEqualTo("Melampirkan bukti penyerahan Bantuan konsumtif fakir miskin hanya untuk petugas BAZNAS Kota "
              + "Bandung");
    }
    assertThat(upload(null, number, PROGRAM, photo, "a.png", "image/png").getStatusCode().value()).isEqualTo(401);
    // a proof is read through its own case and program only
    String otherCase = api.caseWithAidHandedOver();
    assertThat(api.bytes("baznas", url.replace(number, otherCase)).getStatusCode().value()).isEqualTo(404);
    assertThat(api.bytes("baznas", url.replace(PROGRAM, "SALMAN_SEMBAKO")).getStatusCode().value()).isEqualTo(404);
    assertThat(api.program(number, PROGRAM).get("handoverProofs")).hasSize(1);
    assertThat(api.timeline(number, "HANDOVER_PROOF_ATTACHED")).hasSize(1);
  }

  @Test
  void aProofWaitsForThePartnersAcceptance() throws IOException {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.referTo(number, PROGRAM, "FOOD");
    api.awaitProgramStatus(number, PROGRAM, "REFERRED");

    ResponseEntity<JsonNode> early = upload("baznas", number, PROGRAM, png(), "tanda-terima.png", "image/png");
    ResponseEntity<JsonNode> notReferred = upload("baznas", number, "BAZNAS_SEHAT", png(), "a.png", "image/png");
    api.topUp(PROGRAM, 5_000_000L);
    api.partnerDecides(number, PROGRAM, "baznas", "decision", "ACCEPT");
    api.awaitProgramStatus(number, PROGRAM, "ACCEPTED");
    ResponseEntity<JsonNode> accepted = upload("baznas", number, PROGRAM, png(), "tanda-terima.png", "image/png");

    assertThat(early.getStatusCode().value()).isEqualTo(409);
    assertThat(early.getBody().get("detail").asText()).isEqualTo(
        "Bukti penyerahan hanya untuk program yang telah disetujui mitra; Bantuan konsumtif fakir miskin: "
            + "Menunggu keputusan mitra");
    assertThat(notReferred.getStatusCode().value()).isEqualTo(404);
    assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(201);
    assertThat(api.program(number, PROGRAM).get("handoverProofs")).hasSize(1);
  }

  @Test
  void twoProofsSentAtOnceAreBothKept() throws Exception {
    String number = api.caseWithAidHandedOver();
    byte[] photo = png();
    byte[] other = png();
    other[other.length - 1] ^= 1; // another file: its last byte differs
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
      for (byte[] file : List.of(photo, other)) {
        answers.add(pool.submit(() -> {
          start.await();
          return upload("baznas", number, PROGRAM, file, "tanda-terima.png", "image/png");
        }));
      }
      start.countDown();
      for (Future<ResponseEntity<JsonNode>> answer : answers) {
        assertThat(answer.get().getStatusCode().value()).as(String.valueOf(answer.get().getBody())).isEqualTo(201);
      }
    } finally {
      pool.shutdown();
    }

    JsonNode listed = api.program(number, PROGRAM).get("handoverProofs");
    assertThat(listed).hasSize(2);
    List<String> hashes = new ArrayList<>();
    listed.forEach(p -> hashes.add(p.get("sha256").asText()));
    assertThat(hashes).containsExactlyInAnyOrder(sha256(photo), sha256(other));
    assertThat(api.timeline(number, "HANDOVER_PROOF_ATTACHED")).hasSize(2);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private ResponseEntity<JsonNode> upload(String user, String number, String program, byte[] bytes, String name,
      String contentType) {
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.parseMediaType(contentType));
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new HttpEntity<>(named(bytes, name), part));
    return send(user, number, program, body);
  }

  /** A form whose file is in another part than {@code file}. */
  private ResponseEntity<JsonNode> uploadPart(String user, String number, String program, String partName,
      byte[] bytes) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add(partName, named(bytes, "tanda-terima.png"));
    return send(user, number, program, body);
  }

  private ResponseEntity<JsonNode> send(String user, String number, String program,
      MultiValueMap<String, Object> body) {
    HttpHeaders headers = CaseApi.headers(user);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.exchange("/api/referrals/{n}/programs/{p}/handover-proofs", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class, number, program);
  }

  private static ByteArrayResource named(byte[] bytes, String name) {
    return new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  /** A small real PNG: a photo as a phone would send it, in miniature. */
  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0x2E7D32);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
