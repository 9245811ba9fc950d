package id.puskesos.rujukan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context the suite shares: the whole application on a random port, demo users, job executor on,
 * in-memory H2 (or the PostgreSQL database CI names in RUJUKAN_TEST_DB_URL).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// metrics exporters are off in Spring tests unless asked for: the board's Prometheus figures are tested
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ResourceLock("spring-context")
public @interface RujukanSpringTest {
}
