package id.puskesos.rujukan.routing;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The national programs' benefit amounts from {@code rujukan.benefits}, as the rule objects routing uses. */
@Configuration
public class BenefitSettings {

  @ConfigurationProperties("rujukan.benefits.pkh")
  public record Pkh(Map<PkhBenefits.Component, Long> yearly, int maxComponents) {
  }

  @ConfigurationProperties("rujukan.benefits.bpnt")
  public record Bpnt(long monthly) {
  }

  @Bean
  PkhBenefits pkhBenefits(Pkh settings) {
    return new PkhBenefits(new EnumMap<>(settings.yearly()), settings.maxComponents());
  }

  @Bean
  BpntBenefit bpntBenefit(Bpnt settings) {
    return new BpntBenefit(settings.monthly());
  }
}
