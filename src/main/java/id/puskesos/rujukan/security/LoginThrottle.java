package id.puskesos.rujukan.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords slow down the client that sends them, for that user name only: after {@code free-attempts}
 * failures of one user name from one client address, that pair waits {@code base-delay}, doubling with each further
 * failure up to {@code max-delay}; a success or {@code forget-after} without failures clears it. The same user from
 * another address is never held back, so nobody who knows a user name can lock its owner out (Camunda's own throttle
 * locks the user name itself, for good after ten failures: {@link IdentitySettings} turns it off).
 *
 * <p>The state is in memory, per node; at most {@code max-tracked} pairs are kept, the least recently failed going
 * first.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  @ConfigurationProperties("rujukan.security.login-throttle")
  public record Settings(Integer freeAttempts, Duration baseDelay, Duration maxDelay, Duration forgetAfter,
      Integer maxTracked) {
    public Settings {
      freeAttempts = freeAttempts == null ? 5 : freeAttempts;
      baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
      maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
      forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
      maxTracked = maxTracked == null ? 50_000 : maxTracked;
    }
  }

  private static final class State {
    int failures;
    Instant lastFailure;
    Instant blockedUntil;
  }

  private final Settings settings;
  private final Clock clock;
  private final Map<String, State> states;

  public LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.states = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
        return size() > settings.maxTracked();
      }
    };
  }

  /** Seconds the user name must still wait at this client address before it may try again; 0 when it may. */
  public synchronized long waitSeconds(String user, String client) {
    State state = states.get(key(user, client));
    if (state == null) {
      return 0;
    }
    Instant now = clock.instant();
    if (!now.isBefore(state.lastFailure.plus(settings.forgetAfter()))) {
      states.remove(key(user, client));
      return 0;
    }
    if (state.blockedUntil == null || !now.isBefore(state.blockedUntil)) {
      return 0;
    }
    return Math.max(1, (Duration.between(now, state.blockedUntil).toMillis() + 999) / 1000);
  }

  /** A wrong password (or an unknown user name) from the client. */
  public synchronized void failed(String user, String client) {
    Instant now = clock.instant();
    State state = states.get(key(user, client));
    if (state == null || !now.isBefore(state.lastFailure.plus(settings.forgetAfter()))) {
      state = new State();
      states.put(key(user, client), state);
    }
    state.failures++;
    state.lastFailure = now;
    int over = state.failures - settings.freeAttempts();
    if (over >= 0) {
      Duration delay = settings.baseDelay().multipliedBy(1L << Math.min(over, 20));
      if (delay.compareTo(settings.maxDelay()) > 0) {
        delay = settings.maxDelay();
      }
      state.blockedUntil = now.plus(delay);
      if (over == 0) {
        // the public letter check and the WhatsApp webhook keep throttles of their own under names no user has
        LOG.warn("{} failed {} from {}: that client now waits before each further attempt", state.failures,
            user.startsWith("\u0000") ? user.substring(1) + " attempts" : "logins of one user name", client);
      }
    }
  }

  /** The right password: the pair starts afresh. */
  public synchronized void succeeded(String user, String client) {
    states.remove(key(user, client));
  }

  private static String key(String user, String client) {
    return user + '\n' + client;
  }
}
