package id.puskesos.rujukan.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.common.ForbiddenException;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.inbound.ResidentInbound;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The WhatsApp gateway's inbound webhook, {@code POST /api/whatsapp/inbound} with {@code {"from", "text"}}: the second
 * door of {@code /api} open without a login ({@link #isOpen}: that method on that path only). The gateway proves itself
 * with the shared secret {@value #TOKEN_HEADER}, compared in constant time with
 * {@code rujukan.notifications.whatsapp.inbound-token}; without a configured secret the endpoint answers 404 as if it
 * did not exist, a missing or wrong secret 403, and nothing of the message is looked at or kept.
 *
 * <p>Each sender is throttled ({@link LoginThrottle}'s rule with {@code rujukan.notifications.whatsapp.inbound-throttle}):
 * every message counts; after {@code free-attempts} (5) within {@code window} (1 h) the sender is held back for the
 * window, told so once ("coba lagi nanti") and then answered with silence. The throttle knows senders by a hash of
 * their number, so its log lines carry no phone number. What the message asked is {@link ResidentInbound}'s.
 */
@RestController
public class WhatsAppWebhook {

  public static final String PATH = "/api/whatsapp/inbound";
  public static final String TOKEN_HEADER = "X-Rujukan-Webhook-Token";
  /** The throttle's user name: one count per sender, whatever it sends (no user has a name with a NUL). */
  private static final String ANY_MESSAGE = "\u0000whatsapp-inbound";
  private static final int MAX_TOLD = 50_000;

  @ConfigurationProperties("rujukan.notifications.whatsapp.inbound-throttle")
  public record Settings(Integer freeAttempts, Duration window) {
    public Settings {
      freeAttempts = freeAttempts == null ? 5 : freeAttempts;
      window = window == null ? Duration.ofHours(1) : window;
    }
  }

  /** What the gateway posts. */
  public record Inbound(String from, String text) {
  }

  private final ResidentInbound inbound;
  private final byte[] token;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final Map<String, Instant> toldUntil = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
      return size() > MAX_TOLD;
    }
  };

  public WhatsAppWebhook(ResidentInbound inbound,
      @Value("${rujukan.notifications.whatsapp.inbound-token:}") String token, Settings settings, Clock clock) {
    this.inbound = inbound;
    this.token = token.isBlank() ? null : digest(token);
    this.throttle = new LoginThrottle(new LoginThrottle.Settings(settings.freeAttempts(), settings.window(),
        settings.window(), settings.window(), MAX_TOLD), clock);
    this.clock = clock;
  }

  /** Whether the request is the gateway's webhook: a POST to {@link #PATH}, nothing else. */
  public static boolean isOpen(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && PATH.equals(Credentials.path(request));
  }

  /** Takes one message; the answer to the resident, if any, goes through the outbox. */
  @PostMapping(PATH)
  @SecurityRequirements
  public Map<String, Object> receive(@RequestHeader(name = TOKEN_HEADER, required = false) String sent,
      @RequestBody(required = false) Inbound message) {
    if (token == null) {
      throw new NotFoundException("Tidak ditemukan");
    }
    if (sent == null || !MessageDigest.isEqual(token, digest(sent))) {
      throw new ForbiddenException("Token webhook tidak sah");
    }
    String sender = message == null ? null : ResidentInbound.sender(message.from());
    if (sender == null || message.text() == null) {
      throw new InvalidInputException("from", "Pesan harus berisi nomor pengirim (from) dan teks (text)");
    }
    String key = HexFormat.of().formatHex(digest(sender), 0, 12);
    long wait = throttle.waitSeconds(ANY_MESSAGE, key);
    if (wait > 0) {
      inbound.throttled(sender, firstTimeHeldBack(key, wait));
      return Map.of("received", true);
    }
    throttle.failed(ANY_MESSAGE, key);
    inbound.receive(sender, message.text());
    return Map.of("received", true);
  }

  /** Whether this is the first message held back in the sender's current wait: only that one is answered. */
  private synchronized boolean firstTimeHeldBack(String key, long waitSeconds) {
    Instant now = clock.instant();
    Instant told = toldUntil.get(key);
    if (told != null && now.isBefore(told)) {
      return false;
    }
    toldUntil.put(key, now.plusSeconds(waitSeconds));
    return true;
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
