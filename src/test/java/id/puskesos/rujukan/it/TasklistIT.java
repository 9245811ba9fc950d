package id.puskesos.rujukan.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One case through Camunda Tasklist in a real browser (Debian's Chromium), every step done by the demo user of
 * the right role with the task's Camunda Form: the front office starts the referral from the start form, and the
 * case runs to its close. Bad input in a start form shows the server's reason in Bahasa Indonesia. The koordinator
 * holds an evaluation meeting with its action items, and the evaluation pack reads as a page with its charts. The
 * manager reads the processes in Cockpit. The administrator onboards a partner on its page and deactivates it.
 */
class TasklistIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** How staff type a date in Tasklist: day first, as Indonesians write it (our scripts/day-first-dates.js). */
  private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @TempDir
  static Path workDir;

  private static PackagedApp app;
  private static WebDriver browser;
  private static WebDriverWait wait;
  /** How long Camunda Forms waits before it applies typed text (its input debounce is 300 ms). */
  private static final Duration FORM_DEBOUNCE = Duration.ofMillis(500);

  @BeforeAll
  static void startAppAndBrowser() throws Exception {
    // AUTO_SERVER: the day-first test moves a complaint back in time in the application's H2 file while it runs
    app = PackagedApp.start(workDir, "--rujukan.referral.follow-up-delay=PT2S",
        "--spring.datasource.url=jdbc:h2:file:./data/rujukan;WRITE_DELAY=0;AUTO_SERVER=TRUE");
    System.out.printf("packaged app up and Tasklist reachable after %.1f s%n", app.startup.toMillis() / 1000.0);
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1200", "--lang=en-US", "--user-data-dir=" + Files.createTempDirectory("chromium"));
    browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void frontOfficeStartsAReferralInTasklistAndTheRolesCarryItToTheEnd() throws Exception {
    try {
      login("fo");
      startProcess("Rujukan layanan sosial");
      fill("nik", "3273016107900002");
      fill("kkNumber", "3273010101080003");
      fill("fullName", "Dewi Lestari");
      date("birthDate", LocalDate.of(1990, 7, 21));
      choose("sex", "Perempuan");
      fill("address", "Jl. Pelesiran No. 4");
      fill("rt", "2");
      fill("rw", "5");
      choose("needs", "Pangan");
      // markup in free text must stay text in every form that shows it
      fill("description", "Suami meninggal, tiga anak, tidak ada beras <img src=x onerror=\"document.title='XSS'\">");
      check("urgent");
      submitStartForm();
      String number = awaitReferralAt("task_homeVisit");

      // the front office reads the number the complaint was given, finds the case and opens its page
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rujukan-started-number")))
          .getText()).isEqualTo(number);
      snapshot("fo-nomor-rujukan");
      openCasePage("3273016107900002", number);
      assertThat(browser.findElement(By.id("case")).getText()).contains("Pengaduan", "Dewi Lestari",
          "3273**********02", "Suami meninggal, tiga anak", "Verifikasi lapangan")
          .doesNotContain("3273016107900002");
      assertThat(browser.getTitle()).doesNotContain("XSS");
      snapshot("fo-halaman-kasus");

      login("fasilitator");
      snapshot("fasilitator-tasklist");
      openTask("Verifikasi lapangan (kunjungan rumah)");
      dueDateStays(number);
      assertThat(formText()).contains(number, "Dewi Lestari", "Pangan", "3273016107900002",
          "belum pernah diverifikasi lapangan");
      assertThat(browser.getTitle()).doesNotContain("XSS");
      date("visitDate", today());
      fill("visitFindings", "Rumah kontrakan satu kamar, tiga anak sekolah");
      select("dtksStatus", "Terdaftar");
      fill("desil", "1");
      choose("verificationResult", "Data valid, lanjut ke asesmen");
      complete();

      openTask("Asesmen kebutuhan");
      fill("householdSize", "2");
      fill("monthlyIncome", "600000");
      // the consent list offers the catalogue's non-government partners, none ticked for a new resident
      assertThat(options("consentPartners")).contains("BAZNAS Kota Bandung", "Rumah Amal Salman")
          .doesNotContain("Dinas Sosial Kota Bandung");
      assertThat(checked("consentPartners")).isEmpty();
      tick("consentPartners", "Rumah Amal Salman");
      assertThat(checked("consentPartners")).containsExactly("Rumah Amal Salman");
      choose("assessmentResult", "Memenuhi syarat, lanjut ke rujukan");
      complete();

      // routing matches: BPNT answers the food need; Salman's food package waits as its alternative. The back office
      // recommends, the koordinator decides once for the case
      login("bo");
      snapshot("bo-tasklist");
      openTask("Siapkan rekomendasi layanan");
      assertThat(formText()).contains(number, "BPNT / Sembako", "usulan ke Kemensos lewat SIKS-NG", "Paket sembako")
          .doesNotContain("3273016107900002");
      choose("recommendation", "Rujuk dan usulkan program di bawah ini");
      complete();
      login("koordinator");
      openTask("Penetapan layanan");
      assertThat(formText()).contains("BPNT / Sembako", "Alternatif bila tidak tersalurkan");
      choose("caseDecision", "Setujui rekomendasi: surat rekomendasi terbit, rujukan dan usulan dikirim");
      complete();

      // BPNT is a national proposal: the period's decision list, imported by Dinsos, does not set the household,
      // and the need goes to its alternative
      awaitProgram(number, "BPNT", "PROPOSED");
      java.net.http.HttpResponse<String> imported = app.post("dinsos", "/api/proposals/decisions", "text/csv",
          "NO_KK,PROGRAM,STATUS,ALASAN\n3273010101080003,BPNT,DITOLAK,Ganda: sudah menerima bantuan sejenis\n");
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
      assertThat(imported.body()).contains("\"rejected\":1");

      // the koordinator watches the partners' work: the row names the program and the partner, the priority is a
      // word, and a partner's task is for reading only (no Claim)
      login("koordinator");
      By filter = By.xpath("//*[contains(@class,'filters')]//*[contains(text(),'Menunggu mitra')]");
      By watched = By.xpath("//ol[contains(@class,'tasks-list')]//a[normalize-space()='" + SALMAN_DECISION + "']");
      new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
        driver.findElement(filter).click();
        return !driver.findElements(watched).isEmpty();
      });
      browser.findElement(watched).click();
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rujukan-read-only")))
          .getText()).contains("Rumah Amal Salman", "hanya dapat melihat");
      wait.until(driver -> driver.findElements(By.xpath("//button[normalize-space()='Ambil']")).stream()
          .noneMatch(WebElement::isDisplayed));
      assertThat(browser.findElements(By.cssSelector(".tasks-list .priority")).stream().map(WebElement::getText))
          .contains("Mendesak").noneMatch(word -> word.matches("\\d+"));
      snapshot("koordinator-menunggu-mitra");

      // the letter's code, checked by a partner on the public page: valid; a forged code is refused
      String letter;
      try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
          app.bytes("koordinator", "/api/referrals/" + number + "/letters/SALMAN_SEMBAKO").body())) {
        letter = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      }
      java.util.regex.Matcher code = java.util.regex.Pattern
          .compile("Kode verifikasi: ([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})").matcher(letter);
      assertThat(code.find()).as(letter).isTrue();
      assertThat(letter).contains("NIP.");
      freshSession();
      checkLetterCode(code.group(1));
      assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("BERLAKU");
      assertThat(browser.findElement(By.id("programName")).getText()).isEqualTo("Paket sembako");
      assertThat(browser.findElement(By.id("result")).getText()).doesNotContain("Dewi Lestari", "3273016107900002");
      snapshot("verifikasi-surat");
      checkLetterCode("ABCD-EFGH-JKMN");
      assertThat(browser.findElement(By.id("message")).getText()).contains("Kode tidak dikenal");
      assertThat(browser.findElement(By.id("letter")).isDisplayed()).isFalse();

      login("salman");
      snapshot("salman-tasklist");
      openTask(SALMAN_DECISION);
      assertThat(formText()).contains("Paket sembako", "1 paket").doesNotContain("3273016107900002");
      choose("decision", "Diterima");
      fill("plannedAid", "Beras 20 kg, minyak 3 L");
      complete();

      login("salman");
      openTask("Salurkan bantuan: Paket sembako (Rumah Amal Salman)");
      assertThat(formText()).contains("REK/" + number + "/SALMAN_SEMBAKO");
      date("distributionDate", today());
      fill("aidItems", "Beras 20 kg, minyak 3 L");
      fill("aidQuantity", "1");
      fill("distributionPlace", "Masjid Salman ITB");
      fill("handedOverBy", "Relawan Salman");
      fill("proofReference", "SLM-2026-0007");
      check("receiptConfirmed");
      check("finalHandover");
      complete();

      // Salman attaches the photo of the signed receipt on the case page; a file that is not an image, or too large,
      // is refused with the reason
      browser.get(app.baseUrl() + "/kasus/?nomor=" + number);
      By upload = By.cssSelector("form.proof-upload input[type=file]");
      attachProof(upload, textFile("bukan-foto.png", 100));
      assertThat(proofMessage()).contains("Berkas harus foto (JPEG/PNG) atau PDF");
      attachProof(upload, textFile("terlalu-besar.png", 5 * 1024 * 1024 + 1));
      assertThat(proofMessage()).contains("Berkas terlalu besar");
      attachProof(upload, receiptPhoto());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#case img.proof")));
      assertThat(browser.findElement(By.id("case")).getText()).contains("Bukti serah terima 1");
      snapshot("salman-halaman-kasus");

      // the resident says the package never arrived: the koordinator checks Salman's handover record
      awaitReferralAt("task_followUp");
      login("fasilitator");
      openTask("Tindak lanjut dan evaluasi");
      choose("aidReceived", "Tidak diterima");
      choose("aidHelped", "Tidak");
      select("satisfaction", "1 - Tidak puas");
      fill("followUpNotes", "Warga mengaku paket belum sampai");
      complete();

      login("koordinator");
      openTask("Periksa bantuan yang tidak diterima warga");
      assertThat(formText()).contains("Paket sembako", "Masjid Salman ITB", "bukti SLM-2026-0007",
          "Warga mengaku paket belum sampai");
      choose("discrepancyResolution", "Bantuan terbukti diterima warga (bukti mitra meyakinkan)");
      fill("discrepancyNote", "Tanda terima bertanda tangan warga; paket diterima anaknya");
      complete();

      JsonNode view = JSON.readTree(app.get("manajer", "/api/referrals/" + number).body());
      assertThat(view.get("status").asText()).isEqualTo("CLOSED");
      assertThat(view.get("outcome").asText()).as("the food need answered by the alternative").isEqualTo("FACILITATED");
      assertThat(view.get("urgent").asBoolean()).isTrue();
      assertThat(view.get("programs").toString()).contains("\"decidedBy\":\"dinsos\"", "MINISTRY_REJECTED",
          "Ganda: sudah menerima bantuan sejenis");
      assertThat(view.get("programs").toString()).contains("\"distributedOn\":\"" + today() + "\"");
      assertThat(view.get("routing").toString()).contains("\"role\":\"TRIED\"", "SALMAN_SEMBAKO");
      assertThat(app.get("manajer", "/api/referrals/" + number + "/letters/SALMAN_SEMBAKO").body()).startsWith("%PDF-");
      assertThat(view.get("timeline").get(0).get("actor").asText()).isEqualTo("fo");

      // Dinas Sosial finds the case it decided on and sees its own program only; BAZNAS, never sent it, finds nothing
      login("dinsos");
      snapshot("dinsos-tasklist");
      openCasePage(number, number);
      assertThat(browser.findElement(By.id("case")).getText()).contains("BPNT").doesNotContain("Paket sembako");
      // Dinas Sosial looks the resident up in SIKS-NG by the whole NIK: shown on request, and the read is logged
      browser.findElement(By.cssSelector("button.full-nik")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case"), "3273016107900002"));
      snapshot("dinsos-halaman-kasus");
      login("baznas");
      snapshot("baznas-tasklist");
      browser.get(app.baseUrl() + "/kasus/?q=" + number);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "0 kasus"));
    } catch (AssertionError | RuntimeException e) {
      screenshot("tasklist-failure");
      throw e;
    }
  }

  @Test
  void managerSignsInToTheBoardSeesTheLateCaseAndFollowsItsLinkIntoTasklist() throws Exception {
    try {
      String number = JSON.readTree(app.postJson("fo", "/api/referrals", JSON.writeValueAsString(
          id.puskesos.rujukan.scenario.CaseApi.intake("HEALTH"))).body()).get("referralNumber").asText();
      JsonNode task = awaitTaskOf(number); // the visit follows the registry check, after the intake's save point
      // the visit is long overdue: due early in January
      String late = JSON.writeValueAsString(java.util.Map.of("name", task.get("name").asText(), "priority",
          task.get("priority").asInt(), "due", "2026-01-05T09:00:00.000+0700"));
      assertThat(app.putJson("admin", "/engine-rest/task/" + task.get("id").asText(), late).statusCode())
          .isEqualTo(204);

      freshSession(); // no Tasklist session: the board asks for a login of its own
      browser.get(app.baseUrl() + "/board/index.html");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
      fillById("user", "manajer");
      fillById("password", "salah");
      browser.findElement(By.cssSelector("#login button")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("loginError"), "salah"));
      fillById("user", "manajer");
      new WebDriverWait(browser, Duration.ofSeconds(40)).pollingEvery(Duration.ofSeconds(4)).until(driver -> {
        // login throttling: after the wrong password the user is locked for a few seconds; the page clears the
        // password after each try
        if (driver.findElement(By.id("board")).isDisplayed()) {
          return true;
        }
        fillById("password", "demo");
        driver.findElement(By.cssSelector("#login button")).click();
        return false;
      });
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("oldest"), number));
      assertThat(browser.findElement(By.id("openCases")).getText()).contains("Verifikasi dan validasi");
      assertThat(browser.findElement(By.id("overdueByStage")).getText()).contains("Verifikasi dan validasi",
          "Terlambat", "Jatuh tempo hari ini", "Berisiko", "Tepat waktu");
      // the late visit's row: coloured and named by its most urgent state
      assertThat(browser.findElements(By.cssSelector("#overdueByStage td.state-LATE"))).isNotEmpty();
      assertThat(browser.findElement(By.id("legend")).getText()).contains("Terlambat", "Berisiko", "satu hari kerja");
      assertThat(browser.findElement(By.id("definitions")).getText()).contains("Tingkat fasilitasi (ukuran studi)");
      assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("fromMonth"))).getOptions())
          .extracting(WebElement::getText).startsWith("Januari", "Februari").endsWith("Desember");
      assertThat(browser.findElements(By.cssSelector("input[type=month]"))).isEmpty();
      assertThat(browser.findElements(By.cssSelector("#openCases svg rect"))).isNotEmpty();
      assertThat(browser.findElement(By.id("login")).isDisplayed()).isFalse();
      screenshot("board");
      WebElement link = browser.findElement(By.xpath("//section[@id='oldest']//tr[td[normalize-space()='" + number
          + "']]//a"));
      assertThat(link.getAttribute("href")).endsWith("/camunda/app/tasklist/default/#/?task=" + task.get("id").asText());
      link.click();
      wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist"));
      browser.get("about:blank");
    } catch (AssertionError | RuntimeException e) {
      screenshot("board-failure");
      throw e;
    }
  }

  @Test
  void managerOpensTheBoardFromTasklistsHeaderWithoutASecondLoginAndTheFrontOfficeHasNoSuchLink() throws Exception {
    try {
      signInToTasklist("manajer");
      By boardLink = By.xpath("//a[normalize-space()='Papan layanan']");
      new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.elementToBeClickable(boardLink))
          .click();
      wait.until(ExpectedConditions.urlContains("/board/"));
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("openCases"), "Verifikasi dan validasi"));
      assertThat(browser.findElement(By.id("login")).isDisplayed()).as("no second login").isFalse();
      assertThat(browser.findElement(By.id("signedIn")).getText()).contains("sesi Tasklist");
      assertThat(browser.findElement(By.id("overdueByStage")).getText()).contains("Jatuh tempo hari ini");
      screenshot("board-from-tasklist");
      snapshot("manajer-papan-layanan");

      login("fo");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(., 'Mulai proses')]")));
      // the link would come within a moment of the header: give it time to, then look
      new Actions(browser).pause(Duration.ofSeconds(3)).perform();
      assertThat(browser.findElements(boardLink)).as("no board link for the front office").isEmpty();
      // and the board itself, opened by address, asks for a manager's login
      browser.get(app.baseUrl() + "/board/");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
      assertThat(browser.findElement(By.id("loginError")).getText()).contains("tidak dapat membuka papan ini");
      assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();
      browser.get("about:blank");
    } catch (AssertionError | RuntimeException e) {
      screenshot("board-link-failure");
      throw e;
    }
  }

  @Test
  void koordinatorApprovesARuleChangeInTasklistAndReadsItsSimulationOnThePage() throws Exception {
    try {
      // the analyst proposes the table as it is, with a reason: checked, simulated on the last month's cases
      String table = Files.readString(Path.of("processes/program-eligibility.dmn"));
      String tests = Files.readString(Path.of("processes/program-eligibility.tests.json"));
      JsonNode change = JSON.readTree(app.postJson("analis", "/api/model-changes", JSON.writeValueAsString(
          java.util.Map.of("kind", "TABLE", "reason", "Uji di peramban: tabel yang sama diajukan ulang",
              "files", List.of(java.util.Map.of("name", "program-eligibility.dmn", "content", table),
                  java.util.Map.of("name", "program-eligibility.tests.json", "content", tests)),
              "simulateFrom", today().minusDays(30).toString(), "simulateTo", today().toString()))).body());
      assertThat(change.get("status").asText()).as(change.toString()).isEqualTo("AWAITING_APPROVAL");
      String number = change.get("number").asText();

      login("koordinator");
      openTask("Setujui perubahan aturan " + number);
      assertThat(formText()).contains("Perubahan aturan " + number, "tabel keputusan", "Aturan model: lulus",
          "tingkat fasilitasi", "Buka simulasi lengkap").doesNotContain("{{");
      screenshot("perubahan-aturan");
      snapshot("koordinator-setujui-perubahan");
      choose("changeDecision", "Setuju");
      complete();
      assertThat(JSON.readTree(app.get("koordinator", "/api/model-changes/" + number).body()).get("status").asText())
          .isEqualTo("APPROVED");

      // the simulation's page, from the same Tasklist session: figures, charts with words, the CSV
      browser.get(app.baseUrl() + "/simulasi/?id=" + change.get("simulationId").asText());
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
      assertThat(browser.findElement(By.id("headline")).getText()).containsIgnoringCase("fasilitasi");
      assertThat(browser.findElement(By.id("csvLink")).getText()).isEqualTo("Unduh CSV per program");
      assertThat(app.get("koordinator", "/api/simulations/" + change.get("simulationId").asText() + "/csv").body())
          .contains("Kode program,Program,Mitra,Kasus (nyata),Kasus (simulasi)");
      assertThat(browser.findElement(By.id("login")).isDisplayed()).as("no second login").isFalse();
      screenshot("simulasi");
      snapshot("simulasi-perubahan-aturan");
      browser.get("about:blank");
    } catch (AssertionError | RuntimeException e) {
      screenshot("rule-change-failure");
      throw e;
    }
  }

  @Test
  void managerReadsTheProcessesInCockpit() throws Exception {
    // Cockpit lists the processes through its plugin API, which is open to Cockpit's users only
    freshSession();
    try {
      browser.get(app.baseUrl() + "/camunda/app/cockpit/default/#/login");
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
          .sendKeys("manajer");
      browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      // the login answers asynchronously: leaving the page before it has would drop the session
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
      browser.get(app.baseUrl() + "/camunda/app/cockpit/default/#/processes");
      new WebDriverWait(browser, Duration.ofSeconds(60)).until(
          ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[normalize-space()='Rujukan layanan sosial']")));
    } catch (RuntimeException e) {
      screenshot("cockpit-failure");
      throw e;
    }
  }

  @Test
  void koordinatorHoldsTheEvaluationMeetingInTasklistAndThePackReadsInTheBrowser() throws Exception {
    try {
      login("koordinator");
      startProcess("Evaluasi partisipatif");
      date("periodFrom", LocalDate.of(2025, 1, 1));
      date("periodTo", LocalDate.of(2025, 3, 31));
      submitStartForm();
      // three participants answer as Tasklist submits a form; Salman answers in Tasklist itself
      JsonNode feedback = awaitTasks("task_giveFeedback", 7);
      for (JsonNode task : feedback) {
        String group = JSON.readTree(app.get("admin", "/engine-rest/task/" + task.get("id").asText()
            + "/identity-links?type=candidate").body()).get(0).get("groupId").asText();
        if (!group.equals("salman")) {
          String user = List.of("dinsos", "baznas", "puskesmas", "disdukcapil", "dpkp").contains(group) ? group
              : "koordinator";
          assertThat(app.postJson(user, "/engine-rest/task/" + task.get("id").asText() + "/submit-form",
              JSON.writeValueAsString(java.util.Map.of("variables", java.util.Map.of("worked", value("Rujukan cepat"),
                  "obstacles", value("Anggaran"), "ideas", value("Rapat bulanan"), "scoreCoordination", value("3"),
                  "scoreCooperation", value("4"), "scoreCollaboration", value("3"),
                  "scoreInterprofessional", value("2"))))).statusCode()).isEqualTo(204);
        }
      }
      login("salman");
      openTask("Isi umpan balik evaluasi");
      assertThat(formText()).contains("Triwulan I 2025", "Rumah Amal Salman");
      fill("worked", "Paket sembako tersalurkan tepat waktu");
      fill("obstacles", "Data penerima kadang ganda");
      fill("ideas", "Daftar tunggu bersama antar-mitra");
      select("scoreCoordination", "4 - Baik");
      select("scoreCooperation", "5 - Sangat baik");
      select("scoreCollaboration", "4 - Baik");
      select("scoreInterprofessional", "3 - Cukup");
      complete();

      login("koordinator");
      openTask("Rapat evaluasi bersama");
      assertThat(formText()).contains("Rumah Amal Salman: mengisi", "Daftar tunggu bersama antar-mitra");
      date("meetingDate", today());
      for (String present : List.of("Tim Puskesos", "Dinas Sosial Kota Bandung", "BAZNAS Kota Bandung",
          "Rumah Amal Salman")) {
        choose("attendance", present);
      }
      fill("decisions", "Daftar tunggu dibagi antar-mitra setiap bulan");
      choose("ideasAdopted", "Rumah Amal Salman");
      // one action item: its owner from the list the process offers; the second row shows once the first is written
      assertThat(browser.findElements(By.cssSelector("[id$='-field_actionDescription2']"))).isEmpty();
      fill("actionDescription1", "Daftar tunggu bersama disusun");
      select("actionOwner1", "Back office Puskesos");
      date("actionDue1", today().plusDays(14));
      assertThat(browser.findElements(By.cssSelector("[id$='-field_actionDescription2']"))).hasSize(1);
      complete();

      JsonNode action = awaitTasks("task_doActionItem", 1).get(0);
      assertThat(action.get("due").asText()).startsWith(today().plusDays(14).toString());
      assertThat(app.get("admin", "/engine-rest/task/" + action.get("id").asText() + "/identity-links").body())
          .contains("\"groupId\":\"bo\"");
      String instance = action.get("processInstanceId").asText();
      long evaluation = JSON.readTree(app.get("admin", "/engine-rest/process-instance/" + instance
          + "/variables/evaluationId").body()).get("value").asLong();

      // the pack as a page: the browser signs in with the partner's credentials, as a link from Tasklist would ask
      String page = app.baseUrl().replace("://", "://salman:demo@") + "/api/evaluations/" + evaluation + "/pack";
      browser.get(page);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
      assertThat(browser.getTitle()).contains("Bahan evaluasi partisipatif", "Triwulan I 2025");
      List<String> headings = browser.findElements(By.tagName("h2")).stream().map(WebElement::getText).toList();
      assertThat(headings).contains("Ringkasan", "Tingkat fasilitasi", "Apresiasi mitra",
          "Hasil rapat evaluasi bersama", "Rencana tindak lanjut yang disepakati");
      // a quarter with no cases still shows its months, the satisfaction scale and the four aspects as charts
      assertThat(browser.findElements(By.cssSelector("div.chart"))).hasSizeGreaterThanOrEqualTo(4);
      assertThat(browser.findElements(By.cssSelector("div.chart .bar"))).isNotEmpty();
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("Daftar tunggu bersama disusun",
          "Back office Puskesos", "Paket sembako tersalurkan tepat waktu");
      WebElement csv = browser.findElement(By.xpath("//a[contains(@href, 'skor-aspek-rata-rata.csv')]"));
      assertThat(csv.getAttribute("href")).endsWith("/api/evaluations/" + evaluation
          + "/pack/tables/skor-aspek-rata-rata.csv");
      screenshot("evaluation-pack");
      browser.get("about:blank");
    } catch (AssertionError | RuntimeException e) {
      screenshot("evaluation-failure");
      throw e;
    }
  }

  private static java.util.Map<String, Object> value(Object value) {
    return java.util.Map.of("value", value);
  }

  /** The case's first open task, once there is one. */
  private static JsonNode awaitTaskOf(String number) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode tasks = JSON.readTree(app.get("admin", "/engine-rest/task?processInstanceBusinessKey=" + number).body());
      if (tasks.size() > 0) {
        return tasks.get(0);
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no task for " + number);
  }

  /** The open tasks at that element, once there are as many as expected. */
  private static JsonNode awaitTasks(String taskDefinitionKey, int count) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode tasks = JSON.readTree(app.get("admin", "/engine-rest/task?taskDefinitionKey=" + taskDefinitionKey)
          .body());
      if (tasks.size() == count) {
        return tasks;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not " + count + " tasks " + taskDefinitionKey);
  }

  @Test
  void administratorOnboardsAPartnerOnThePartnersPageAndDeactivatesIt() throws Exception {
    try {
      browser.get(app.baseUrl() + "/partners");
      fillById("user", "admin");
      fillById("password", "demo");
      browser.findElement(By.cssSelector("#login button")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list tr[data-code='SALMAN']")));
      fillById("code", "MASJIDIKHLAS");
      fillById("name", "Masjid Al-Ikhlas Lebak Siliwangi");
      fillById("group", "masjid_al-ikhlas");
      fillById("programCode", "MASJIDIKHLAS_SEMBAKO");
      fillById("programName", "Sembako Jumat Berkah");
      new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("aidKind"))).selectByValue("GOODS");
      fillById("unit", "paket");
      fillById("defaultAmount", "1");
      fillById("firstBudget", "40");
      browser.findElement(By.cssSelector("#add button[type=submit]")).click();
      // the engine's rule for group ids, said before anything is written
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problems"), "tidak diterima engine"));
      assertThat(browser.findElements(By.cssSelector("#list tr[data-code='MASJIDIKHLAS']"))).isEmpty();

      fillById("group", "masjidikhlas");
      browser.findElement(By.cssSelector("#add button[type=submit]")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("steps"),
          "Kelompok Camunda masjidikhlas: dibuat"));
      assertThat(browser.findElement(By.id("steps")).getText()).contains("Filter Tasklist: dibuat")
          .contains("Anggaran MASJIDIKHLAS_SEMBAKO periode");
      WebElement row = browser.findElement(By.cssSelector("#list tr[data-code='MASJIDIKHLAS']"));
      assertThat(row.getText()).contains("Masjid Al-Ikhlas Lebak Siliwangi").contains("MASJIDIKHLAS_SEMBAKO")
          .contains("aktif");
      screenshot("partners");

      row.findElement(By.xpath(".//button[normalize-space()='Nonaktifkan']")).click();
      org.openqa.selenium.Alert reason = wait.until(ExpectedConditions.alertIsPresent());
      reason.sendKeys("Program sembako Jumat berkah selesai");
      reason.accept();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector("#list tr[data-code='MASJIDIKHLAS']"), "nonaktif"));
      JsonNode partners = JSON.readTree(app.get("admin", "/api/partners").body());
      assertThat(partners.toString()).contains("\"code\":\"MASJIDIKHLAS\"");
      partners.forEach(p -> {
        if (p.get("partner").get("code").asText().equals("MASJIDIKHLAS")) {
          assertThat(p.get("partner").get("active").asBoolean()).isFalse();
          assertThat(p.get("groupExists").asBoolean()).isTrue();
        }
      });
      browser.get("about:blank");
    } catch (AssertionError | RuntimeException e) {
      screenshot("partners-failure");
      throw e;
    }
  }

  private static void fillById(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  @Test
  void startFormWithDataTheServerRefusesShowsTheReason() throws Exception {
    try {
      login("fo");
      startProcess("Rujukan layanan sosial");
      fill("nik", "3273016107900003");
      fill("kkNumber", "3273010101080003");
      fill("fullName", "Rina 2");
      date("birthDate", LocalDate.of(1990, 7, 21));
      choose("sex", "Perempuan");
      fill("address", "Jl. Pelesiran No. 4");
      fill("rt", "2");
      fill("rw", "5");
      choose("needs", "Kesehatan");
      fill("description", "Sakit");
      browser.findElement(By.xpath("//button[normalize-space()='Mulai']")).click();

      WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//*[contains(., 'Nama lengkap hanya boleh berisi huruf')][not(*)]")));
      assertThat(error.getText()).contains("Nama lengkap hanya boleh berisi huruf");
    } catch (AssertionError | RuntimeException e) {
      screenshot("start-form-error");
      throw e;
    }
  }

  /**
   * Staff type dates day first, and the case keeps the day they typed, in a browser whose own date format is month
   * first (this Chromium's locale is en-US): a home visit typed with a day after the 12th and one typed like 02/11
   * come back from the case as the same days, and a visit typed before the complaint is refused in Tasklist with
   * the days as the server understood them. The complaints are moved 60 days back in the application's database:
   * the test cannot wait for them to age.
   */
  @Test
  void staffTypeDatesDayFirstAndTheCaseKeepsTheDayTheyTyped() throws Exception {
    try {
      LocalDate received = today().minusDays(60);
      LocalDate lateInMonth = firstDayFrom(received.plusDays(1), day -> day.getDayOfMonth() > 12);
      LocalDate earlyInMonth = firstDayFrom(received.plusDays(1),
          day -> day.getDayOfMonth() <= 12 && day.getDayOfMonth() != day.getMonthValue());
      login("fasilitator");
      assertThat(((JavascriptExecutor) browser).executeScript(
          "return new Intl.DateTimeFormat().resolvedOptions().locale")).isEqualTo("en-US");

      for (LocalDate visit : List.of(lateInMonth, earlyInMonth)) {
        String number = JSON.readTree(app.postJson("fo", "/api/referrals", JSON.writeValueAsString(
            id.puskesos.rujukan.scenario.CaseApi.intake("FOOD"))).body()).get("referralNumber").asText();
        String task = awaitTaskOf(number).get("id").asText();
        receivedOn(number, received);
        openTaskById(task);
        if (visit.equals(lateInMonth)) {
          fillVisit(received.minusDays(1));
          act(By.xpath("//button[normalize-space()='Selesaikan']"), WebElement::click);
          String refusal = "Tanggal kunjungan (%s) sebelum pengaduan diterima (%s)".formatted(
              PICKER.format(received.minusDays(1)), PICKER.format(received));
          wait.until(ExpectedConditions.visibilityOfElementLocated(
              By.xpath("//*[contains(., '" + refusal + "')][not(*)]")));
          // staff close the message (it covers the Complete button); the form keeps its choices, not the text area
          browser.findElements(By.cssSelector(".alert button.close")).stream().filter(WebElement::isDisplayed)
              .forEach(WebElement::click);
          date("visitDate", visit);
          fill("visitFindings", "Rumah kontrakan, dua anak");
        } else {
          fillVisit(visit);
        }
        assertThat(browser.findElement(By.cssSelector("[id$='-field_visitDate-date']")).getAttribute("value"))
            .as("the form shows the day typed, day first").isEqualTo(PICKER.format(visit));
        complete();

        JsonNode view = JSON.readTree(app.get("manajer", "/api/referrals/" + number).body());
        List<String> visits = new java.util.ArrayList<>();
        view.get("timeline").forEach(e -> {
          if (e.get("type").asText().equals("HOME_VISITED")) {
            visits.add(e.get("text").asText());
          }
        });
        assertThat(visits).singleElement().asString()
            .startsWith("Verifikasi lapangan " + id.puskesos.rujukan.common.Dates.written(visit) + ":");
      }
    } catch (AssertionError | RuntimeException e) {
      screenshot("day-first-failure");
      throw e;
    }
  }

  /** The home-visit form of a clean record, visited on that day. */
  private static void fillVisit(LocalDate day) {
    date("visitDate", day);
    fill("visitFindings", "Rumah kontrakan, dua anak");
    select("dtksStatus", "Terdaftar");
    fill("desil", "2");
    choose("verificationResult", "Data valid, lanjut ke asesmen");
  }

  /** Today in Bandung, the day the server judges entered dates by. */
  private static LocalDate today() {
    return LocalDate.now(id.puskesos.rujukan.RujukanApplication.ZONE);
  }

  private static LocalDate firstDayFrom(LocalDate from, java.util.function.Predicate<LocalDate> wanted) {
    LocalDate day = from;
    while (!wanted.test(day)) {
      day = day.plusDays(1);
    }
    assertThat(day).isBeforeOrEqualTo(today());
    return day;
  }

  /** Moves the complaint back to that day (10:00 WIB) in the running application's H2 file. */
  private static void receivedOn(String number, LocalDate day) throws Exception {
    java.time.OffsetDateTime at = day.atTime(10, 0).atZone(id.puskesos.rujukan.RujukanApplication.ZONE)
        .toOffsetDateTime();
    String url = "jdbc:h2:file:" + workDir.resolve("data").resolve("rujukan").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, "sa", "")) {
      for (String sql : List.of("UPDATE referral SET received_at = ? WHERE referral_number = ?",
          "UPDATE referral_intake SET received_at = ? WHERE referral_number = ?",
          "UPDATE referral_event SET occurred_at = ? WHERE referral_number = ? AND event_type = 'INTAKE_RECEIVED'")) {
        try (java.sql.PreparedStatement update = db.prepareStatement(sql)) {
          update.setObject(1, at);
          update.setString(2, number);
          assertThat(update.executeUpdate()).as(sql).isOne();
        }
      }
    }
  }

  /** Opens a task by its id, as a link from the board does, claims it and waits for its form. */
  private static void openTaskById(String taskId) {
    browser.get(app.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Ambil']"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
  }

  // ---- Tasklist ---------------------------------------------------------------------------------------------

  /**
   * An English browser (this Chromium runs with --lang=en-US) gets the webapps in Bahasa Indonesia: the login page,
   * Tasklist as the front office, the fasilitator and the koordinator, a required field left empty in a Camunda
   * Form, Cockpit and Admin as the administrator, all without the banner asking to migrate to Camunda 8. English is
   * still there for whoever asks for it with ?bahasa=en. Each page is saved under target/screenshots/.
   */
  @Test
  void theWebappsSpeakIndonesianInAnEnglishBrowser() throws Exception {
    try {
      freshSession();
      browser.get(app.baseUrl() + "/camunda/app/tasklist/default/#/login");
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
      assertThat(((JavascriptExecutor) browser).executeScript("return window.rujukanBahasa")).isEqualTo("id");
      assertIndonesian("login", List.of("Nama pengguna", "Kata sandi", "Masuk"),
          List.of("Log in", "Sign in", "Username", "Password", "It is time to migrate"));

      // a required field left empty: Camunda Forms' own message, in Indonesian
      login("fo");
      startProcess("Rujukan layanan sosial");
      browser.findElement(By.xpath("//button[normalize-space()='Mulai']")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error")));
      assertIndonesian("tasklist-required-field", List.of("Mulai proses", "Kolom ini wajib diisi."),
          List.of("Field is required", "Field must", "Start process"));
      fill("nik", "3273016107900003");
      fill("kkNumber", "3273010101080004");
      fill("fullName", "Siti Aminah");
      date("birthDate", LocalDate.of(1990, 7, 21)); // as the NIK says
      choose("sex", "Perempuan");
      fill("address", "Jl. Lebak Gede No. 9");
      fill("rt", "1");
      fill("rw", "3");
      choose("needs", "Pangan");
      fill("description", "Lansia tinggal sendiri");
      submitStartForm();
      String number = awaitReferralAt("task_homeVisit");

      // the fasilitator's list: relative dates in Indonesian, and the task's own buttons and tabs
      login("fasilitator");
      By task = By.xpath("//ol[contains(@class,'tasks-list')]//a[normalize-space()='Verifikasi lapangan (kunjungan rumah)']");
      new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(task)).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Ambil']")));
      // (no "Hapus batas waktu": the due date's "x" is not offered, scripts/desk.js)
      assertIndonesian("tasklist-fasilitator",
          List.of("Mulai proses", "Tugas kelompok saya", "Dibuat", "yang lalu", "Batas waktu", "lagi", "Ambil",
              "Formulir", "Riwayat", "Tetapkan tanggal tindak lanjut", "Pilih"),
          List.of("Start process", "Claim", "Created", " ago", "Due in", "Due ", "Follow-up date", "Set due date",
              "Add a simple filter", "Create a filter", "History", "Select", "It is time to migrate"));

      login("koordinator");
      assertIndonesian("tasklist-koordinator", List.of("Mulai proses", "Tugas kelompok saya", "Semua tugas", "Pilih tugas di daftar."),
          List.of("Start process", "Create a filter", "Add a simple filter", "Filter Tasks", "All Tasks",
              "Select a task", "It is time to migrate"));

      loginTo("cockpit", "admin");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(),'Instans proses')]")));
      assertIndonesian("cockpit", List.of("Proses", "Keputusan", "Instans proses", "Insiden"),
          List.of("Processes", "Decisions", "Process Instances", "Incidents", "Deployments", "It is time to migrate"));
      browser.get(app.baseUrl() + "/camunda/app/cockpit/default/#/processes");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[normalize-space()='Rujukan layanan sosial']")));
      assertIndonesian("cockpit-processes", List.of("definisi proses di-deploy", "Nama"),
          List.of("Process Definitions", "process definitions deployed", "Running Instances", "Processes"));

      loginTo("admin", "admin");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(),'Hak akses')]")));
      assertIndonesian("admin", List.of("Pengguna", "Kelompok", "Hak akses", "Sistem"),
          List.of("Users", "Groups", "Authorizations", "Tenants", "System", "It is time to migrate"));

      // English for whoever asks, on every app of this server, until Indonesian is asked back
      browser.get(app.baseUrl() + "/camunda/app/admin/default/?bahasa=en#/users");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(),'Authorizations')]")));
      browser.get(app.baseUrl() + "/camunda/app/cockpit/default/#/dashboard");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(),'Decisions')]")));
      snapshot("cockpit-english");
      browser.get(app.baseUrl() + "/camunda/app/cockpit/default/?bahasa=id#/dashboard");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(),'Keputusan')]")));
      assertThat(number).isNotBlank();
    } catch (RuntimeException | AssertionError e) {
      screenshot("language-failure");
      throw e;
    }
  }

  /**
   * Every expected Indonesian text on the page and none of the English ones, in its text or in the placeholders and
   * tooltips of its elements; the page is saved under target/screenshots/.
   */
  private static void assertIndonesian(String page, List<String> indonesian, List<String> english) throws Exception {
    snapshot(page);
    String text = (String) ((JavascriptExecutor) browser).executeScript("""
        return document.body.innerText + ' | ' + [...document.querySelectorAll('[placeholder], [title], [uib-tooltip]')]
            .filter(element => element.offsetParent !== null)
            .map(element => [element.getAttribute('placeholder'), element.getAttribute('title'),
                element.getAttribute('uib-tooltip')].filter(Boolean).join(' | ')).join(' | ');""");
    assertThat(text).as("%s in Indonesian", page).contains(indonesian);
    for (String words : english) {
      assertThat(text).as("%s without English", page).doesNotContain(words);
    }
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
        .as("the banner asking to migrate to Camunda 8").isEmpty();
  }

  private static void snapshot(String name) throws Exception {
    Path target = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(target.getParent());
    Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** Logs in afresh to Cockpit or Admin and waits for the login to be answered. */
  private static void loginTo(String webapp, String user) {
    freshSession();
    browser.get(app.baseUrl() + "/camunda/app/" + webapp + "/default/#/login");
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    // the login answers asynchronously: leaving the page before it has would drop the session
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  /**
   * No session cookie and no form drafts Tasklist keeps in the browser's local storage. The cookies are deleted on a
   * page of the application's origin: deleting them on {@code about:blank} can leave the last user's session, and a
   * Tasklist-only user's session answers Cockpit's page with 403.
   */
  private static void freshSession() {
    browser.get("about:blank"); // leave Tasklist first, or it saves the open form as a draft when the session ends
    browser.get(app.baseUrl() + "/actuator/health"); // same origin, no app running
    browser.manage().deleteAllCookies();
    ((JavascriptExecutor) browser).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  /** Logs in afresh: no session, and no form drafts Tasklist keeps in the browser's local storage. */
  private static void login(String user) {
    signInToTasklist(user);
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(
        ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(),'Tugas kelompok saya')]")));
  }

  /** Signs in to Tasklist afresh and waits until the login form is gone (whatever filters the user has). */
  private static void signInToTasklist(String user) {
    freshSession();
    browser.get(app.baseUrl() + "/camunda/app/tasklist/default/#/login");
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  private static void startProcess(String name) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., 'Mulai proses')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., '" + name + "')]"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
  }

  private static void submitStartForm() {
    browser.findElement(By.xpath("//button[normalize-space()='Mulai']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
  }

  /** The salman's decision task as every list names it: the program and the partner. */
  private static final String SALMAN_DECISION = "Putuskan rujukan: Paket sembako (Rumah Amal Salman)";

  /**
   * The open task's due date is the service level's: Tasklist offers no "x" to remove it (the server refuses a removal
   * anyway: DueDateScenarioTest, through Tasklist's own API), and it is still there.
   */
  private static void dueDateStays(String number) throws Exception {
    String due = awaitTaskOf(number).get("due").asText();
    assertThat(due).isNotBlank().isNotEqualTo("null");
    WebElement remove = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.reset-due-date")));
    wait.until(driver -> !remove.isDisplayed());
    assertThat(awaitTaskOf(number).get("due").asText()).isEqualTo(due);
  }

  /** Searches the case page for the query within the Tasklist session and opens the case found. */
  private static void openCasePage(String query, String number) {
    browser.get(app.baseUrl() + "/kasus/");
    WebElement box = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
    box.sendKeys(query);
    browser.findElement(By.cssSelector("#search button")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//section[@id='results']//a[normalize-space()='"
        + number + "']"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#case h2"), "Kasus " + number));
  }

  private static void checkLetterCode(String code) {
    browser.get(app.baseUrl() + "/verifikasi/");
    WebElement box = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
    box.clear();
    box.sendKeys(code);
    browser.findElement(By.cssSelector("#check button")).click();
    wait.until(driver -> !driver.findElement(By.id("message")).getText().isBlank());
  }

  private static void attachProof(By input, Path file) {
    WebElement chooser = wait.until(ExpectedConditions.presenceOfElementLocated(input));
    ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('.proof-message')"
        + ".forEach(function (p) { p.textContent = ''; });");
    chooser.sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("form.proof-upload button")).click();
  }

  private static String proofMessage() {
    return wait.until(driver -> {
      String said = driver.findElement(By.cssSelector(".proof-message")).getText();
      return said.isBlank() || said.startsWith("Mengirim") ? null : said;
    });
  }

  private static Path textFile(String name, int size) throws IOException {
    Path file = Files.createTempDirectory("bukti").resolve(name);
    Files.write(file, "bukan gambar ".repeat(size / 13 + 1).substring(0, size).getBytes(StandardCharsets.UTF_8));
    return file;
  }

  /** A small real PNG, as a phone's photo of the receipt would be (smaller). */
  private static Path receiptPhoto() throws IOException {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 80,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 120, 80);
    g.setColor(java.awt.Color.DARK_GRAY);
    g.fillRect(10, 30, 100, 4);
    g.dispose();
    Path file = Files.createTempDirectory("bukti").resolve("tanda-terima.png");
    javax.imageio.ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** Opens the task in "Tugas kelompok saya", claims it and waits for its form. */
  private static void openTask(String name) {
    By link = By.xpath("//ol[contains(@class,'tasks-list')]//a[normalize-space()='" + name + "']");
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
      if (driver.findElements(link).isEmpty()) {
        driver.findElement(By.xpath("//*[contains(@class,'filters')]//*[contains(text(),'Tugas kelompok saya')]"))
            .click();
        return false;
      }
      return true;
    });
    browser.findElement(link).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Ambil']"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
  }

  /** Presses Selesaikan (Complete) until the form goes away (a first click may only close an open drop-down list). */
  private static void complete() {
    By button = By.xpath("//button[normalize-space()='Selesaikan']");
    new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofSeconds(2))
        .ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class)
        .until(driver -> {
          if (driver.findElements(By.cssSelector(".fjs-form")).isEmpty()) {
            return true;
          }
          driver.findElements(button).stream().filter(WebElement::isEnabled).findFirst().ifPresent(b -> {
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", b);
            b.click();
          });
          return false;
        });
  }

  // ---- Camunda Forms ----------------------------------------------------------------------------------------

  /**
   * Types into a field and waits out the form's input debounce: Camunda Forms applies typed text a moment later, and
   * typing into the next field within that moment can overwrite it with the form's older state (seen here: every
   * second text field of a long form came back empty).
   */
  private static void fill(String key, String value) {
    act(By.cssSelector("[id$='-field_" + key + "']"), field -> {
      field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      field.sendKeys(value);
    });
    new Actions(browser).pause(FORM_DEBOUNCE).perform();
  }

  private static void date(String key, LocalDate value) {
    act(By.cssSelector("[id$='-field_" + key + "-date']"), field -> {
      field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      field.sendKeys(PICKER.format(value));
      field.sendKeys(Keys.TAB);
    });
  }

  private static void check(String key) {
    act(By.cssSelector("input[id$='-field_" + key + "']"), WebElement::click);
  }

  /** Clicks the radio button or checklist box of that label. */
  private static void choose(String key, String label) {
    act(By.xpath("//label[contains(@for,'-field_" + key + "-')][normalize-space()=\"" + label + "\"]/input"),
        WebElement::click);
  }

  /** Picks an option of a select field from its drop-down list. */
  private static void select(String key, String label) {
    act(By.cssSelector("[id$='-field_" + key + "-display']"), WebElement::click);
    act(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()=\"" + label + "\"]"),
        WebElement::click);
  }

  /** Acts on a form field, finding it again if the form re-rendered it meanwhile. */
  private static void act(By locator, java.util.function.Consumer<WebElement> action) {
    wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class).until(driver -> {
      WebElement element = driver.findElement(locator);
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      action.accept(element);
      return true;
    });
  }

  /**
   * Ticks the checklist box of that label, whose options may come from a variable ({@code valuesKey}) and may start
   * ticked (a pre-filled answer): form-js renders each option as {@code <label for="...-field_<key>-<n>"><input
   * type="checkbox" id="...-field_<key>-<n>">Label</label>}. A box already ticked is left alone (a click would untick
   * it), and the form's state is awaited.
   */
  private static void tick(String key, String label) {
    By box = By.xpath("//label[contains(@for,'-field_" + key + "-')][normalize-space()=\"" + label
        + "\"]/input[@type='checkbox']");
    act(box, input -> {
      if (!input.isSelected()) {
        input.click();
      }
    });
    wait.ignoring(StaleElementReferenceException.class).until(driver -> driver.findElement(box).isSelected());
    new Actions(browser).pause(FORM_DEBOUNCE).perform();
  }

  /** The labels of a checklist's options, in the form's order. */
  private static List<String> options(String key) {
    By options = By.xpath("//label[contains(@for,'-field_" + key + "-')][input[@type='checkbox']]");
    wait.until(driver -> !driver.findElements(options).isEmpty());
    return browser.findElements(options).stream().map(WebElement::getText).map(String::trim).toList();
  }

  private static List<String> checked(String key) {
    return browser.findElements(By.xpath("//label[contains(@for,'-field_" + key + "-')][input[@type='checkbox']]"))
        .stream().filter(label -> label.findElement(By.tagName("input")).isSelected())
        .map(WebElement::getText).map(String::trim).toList();
  }

  private static String formText() {
    return browser.findElement(By.cssSelector(".fjs-form")).getText();
  }

  // ---- the case, seen through the API -----------------------------------------------------------------------

  /** The number of the newest case waiting at that task, once the task exists. */
  /** Waits until the case's program has the status (programs go out asynchronously on the koordinator's decision). */
  private static void awaitProgram(String number, String program, String status) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      for (JsonNode p : JSON.readTree(app.get("manajer", "/api/referrals/" + number).body()).get("programs")) {
        if (p.get("code").asText().equals(program) && p.get("status").asText().equals(status)) {
          return;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError(program + " of " + number + " never reached " + status);
  }

  private static String awaitReferralAt(String taskDefinitionKey) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      HttpResponse<String> tasks = app.get("admin", "/engine-rest/task?taskDefinitionKey=" + taskDefinitionKey
          + "&sortBy=created&sortOrder=desc&maxResults=1");
      JsonNode list = JSON.readTree(tasks.body());
      if (list.size() == 1) {
        String instance = list.get(0).get("processInstanceId").asText();
        return JSON.readTree(app.get("admin", "/engine-rest/process-instance/" + instance).body())
            .get("businessKey").asText();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no task " + taskDefinitionKey);
  }

  private static void screenshot(String name) {
    try {
      browser.findElements(By.cssSelector(".notifications .alert, .alert-danger"))
          .forEach(alert -> System.out.println("tasklist says: " + alert.getText()));
      app.log().lines().filter(line -> line.contains("ERROR") || line.contains("Exception"))
          .limit(20).forEach(line -> System.out.println("app log: " + line));
      Path target = Path.of("target", "failsafe-reports", name + ".png");
      Files.createDirectories(target.getParent());
      Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      System.out.println("screenshot: " + target.toAbsolutePath());
    } catch (Exception ignored) {
      // the original failure matters more
    }
  }
}
