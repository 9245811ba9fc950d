package id.puskesos.rujukan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The throttle's arithmetic: per user name and client, free attempts, doubling delay with a ceiling, forgetting. */
class LoginThrottleTest {

  private Instant now = Instant.parse("2026-11-02T01:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(3, Duration.ofSeconds(2),
      Duration.ofSeconds(10), Duration.ofHours(1), 100), clock);

  @Test
  void aClientWaitsAfterItsFreeAttemptsLongerWithEachFailureUpToTheCeiling() {
    throttle.failed("admin", "10.0.0.9");
    throttle.failed("admin", "10.0.0.9");
    assertThat(throttle.waitSeconds("admin", "10.0.0.9")).isZero();

    throttle.failed("admin", "10.0.0.9");
    assertThat(throttle.waitSeconds("admin", "10.0.0.9")).isEqualTo(2);
    throttle.failed("admin", "10.0.0.9");
    assertThat(throttle.waitSeconds("admin", "10.0.0.9")).isEqualTo(4);
    throttle.failed("admin", "10.0.0.9");
    throttle.failed("admin", "10.0.0.9");
    assertThat(throttle.waitSeconds("admin", "10.0.0.9")).isEqualTo(10);

    now = now.plusSeconds(10);
    assertThat(throttle.waitSeconds("admin", "10.0.0.9")).isZero();
  }

  @Test
  void theSameUserFromAnotherClientAndAnotherUserFromTheSameClientNeverWait() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("admin", "10.0.0.9");
    }

    assertThat(throttle.waitSeconds("admin", "10.0.0.9")).isPositive();
    assertThat(throttle.waitSeconds("admin", "192.168.1.20")).isZero();
    assertThat(throttle.waitSeconds("fo", "10.0.0.9")).isZero();
  }

  @Test
  void aSuccessOrAnHourWithoutFailuresStartsAfresh() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("fo", "10.0.0.9");
    }
    throttle.succeeded("fo", "10.0.0.9");
    assertThat(throttle.waitSeconds("fo", "10.0.0.9")).isZero();
    throttle.failed("fo", "10.0.0.9");
    assertThat(throttle.waitSeconds("fo", "10.0.0.9")).isZero();

    for (int i = 0; i < 5; i++) {
      throttle.failed("bo", "10.0.0.9");
    }
    now = now.plus(Duration.ofHours(1));
    throttle.failed("bo", "10.0.0.9");
    assertThat(throttle.waitSeconds("bo", "10.0.0.9")).as("counting starts again").isZero();
  }

  @Test
  void theLeastRecentlyFailedPairsGoFirstWhenTooManyAreTracked() {
    LoginThrottle small = new LoginThrottle(new LoginThrottle.Settings(1, Duration.ofMinutes(1),
        Duration.ofMinutes(1), Duration.ofHours(1), 2), clock);
    small.failed("a", "1");
    small.failed("b", "1");
    small.failed("c", "1");

    assertThat(small.waitSeconds("a", "1")).isZero();
    assertThat(small.waitSeconds("c", "1")).isPositive();
  }
}
