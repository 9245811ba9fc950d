package id.puskesos.rujukan.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import id.puskesos.rujukan.common.Dates;

/**
 * The audit trail's settings, its filter and its retention: entries older than {@code rujukan.audit.retention} (two
 * years by default) are removed every night, on every node (the same rows; removing them twice is harmless).
 */
@Configuration
@ConditionalOnWebApplication
public class AuditConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(AuditConfiguration.class);

  @ConfigurationProperties("rujukan.audit")
  public record Settings(Period retention, Integer refusalsPerMinute) {
    public Settings {
      retention = retention == null ? Period.ofYears(2) : retention;
      refusalsPerMinute = refusalsPerMinute == null ? 120 : refusalsPerMinute;
    }
  }

  private final AuditTrail trail;
  private final Settings settings;
  private final Clock clock;

  public AuditConfiguration(AuditTrail trail, Settings settings, Clock clock) {
    this.trail = trail;
    this.settings = settings;
    this.clock = clock;
  }

  @Bean
  public FilterRegistrationBean<AuditFilter> auditFilter() {
    return AuditFilter.registration(trail, clock, settings.refusalsPerMinute());
  }

  @Scheduled(cron = "${rujukan.audit.cleanup-cron:0 20 2 * * *}", zone = "Asia/Jakarta")
  public void removeExpired() {
    OffsetDateTime cutoff = OffsetDateTime.now(clock.withZone(Dates.BANDUNG)).minus(settings.retention());
    int removed = trail.removeOlderThan(cutoff);
    if (removed > 0) {
      LOG.info("Audit trail: {} entries older than {} removed", removed, settings.retention());
    }
  }
}
