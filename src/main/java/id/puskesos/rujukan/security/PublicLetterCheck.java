package id.puskesos.rujukan.security;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.common.ThrottledException;
import id.puskesos.rujukan.partner.LetterChecks;
import id.puskesos.rujukan.partner.LetterChecks.LetterCheck;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The one door of the domain API open without a login: a partner checks a recommendation letter by the verification
 * code printed on it ({@code GET /api/public/letters/{code}}, the page {@code /verifikasi/}) and learns whether it
 * stands, its number, date and program, nothing of the resident ({@link LetterChecks}). Only that method on that path
 * is open ({@link #isOpen}); everything else under {@code /api/public} needs a login like the rest of {@code /api}.
 *
 * <p>An unknown code and text that cannot be a code get the same 404, so the answer tells nothing about the form of
 * valid codes. Each is a failure of the client address in a throttle of its own ({@link LoginThrottle}'s rule with
 * {@code rujukan.letter.check-throttle}): after {@code free-attempts} failures within {@code forget-after} the address
 * is answered 429, valid codes included, until its wait is over (doubling up to {@code max-delay}); a valid code does
 * not clear the count, so known letters cannot be used to keep guessing. The 429 goes into the audit trail as
 * {@value #THROTTLED}.
 */
@RestController
@RequestMapping("/api/public/letters")
public class PublicLetterCheck {

  /** The audit trail's action for a check held back. */
  public static final String THROTTLED = "LETTER_CHECK_THROTTLED";

  private static final Pattern OPEN = Pattern.compile("^/api/public/letters/[^/]+$");
  /** The throttle's user name: every check of one address counts together (no user has a name with a NUL). */
  private static final String ANYONE = "\u0000letter-check";
  private static final String UNKNOWN = "Kode verifikasi tidak dikenal. Periksa kembali kode pada surat; surat "
      + "tanpa kode yang dikenal tidak dapat dipastikan keasliannya.";

  @ConfigurationProperties("rujukan.letter.check-throttle")
  public record Settings(Integer freeAttempts, Duration baseDelay, Duration maxDelay, Duration forgetAfter) {
    public Settings {
      freeAttempts = freeAttempts == null ? 5 : freeAttempts;
      baseDelay = baseDelay == null ? Duration.ofMinutes(1) : baseDelay;
      maxDelay = maxDelay == null ? Duration.ofHours(1) : maxDelay;
      forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
    }
  }

  private final LetterChecks checks;
  private final LoginThrottle throttle;

  public PublicLetterCheck(LetterChecks checks, Settings settings, Clock clock) {
    this.checks = checks;
    this.throttle = new LoginThrottle(new LoginThrottle.Settings(settings.freeAttempts(), settings.baseDelay(),
        settings.maxDelay(), settings.forgetAfter(), 50_000), clock);
  }

  /** Whether the request is the public check: a GET of one code, nothing else under {@code /api/public}. */
  public static boolean isOpen(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) && OPEN.matcher(Credentials.path(request)).matches();
  }

  /** Whether the letter carrying the code stands, its number, date and program; 404 for any other code. */
  @GetMapping("/{code}")
  @SecurityRequirements
  public LetterCheck check(@PathVariable String code, HttpServletRequest request) {
    String client = request.getRemoteAddr();
    long wait = throttle.waitSeconds(ANYONE, client);
    if (wait > 0) {
      request.setAttribute(EdgeFilters.AUDIT_ACTION, THROTTLED);
      throw new ThrottledException("Terlalu banyak kode yang tidak dikenal dari alamat ini. Coba lagi dalam %d detik."
          .formatted(wait), wait);
    }
    return checks.check(code).orElseThrow(() -> {
      throttle.failed(ANYONE, client);
      return new NotFoundException(UNKNOWN);
    });
  }
}
