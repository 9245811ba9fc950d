package id.puskesos.rujukan;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.registry.RegistryCommands;

/** Rujukan: the integrated social-assistance referral system of a village Puskesos, on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RujukanApplication {

  /** Bandung's clock: "today" for dates on forms and in rules is the day in Western Indonesian Time. */
  public static final ZoneId ZONE = Dates.BANDUNG;

  public static void main(String[] args) {
    if (DatabaseMigration.handles(args)) {
      System.exit(DatabaseMigration.run(System.getenv(), System.out));
    }
    if (RegistryCommands.handles(args)) {
      System.exit(RegistryCommands.run(RujukanApplication.class, args, System.out));
    }
    SpringApplication.run(RujukanApplication.class, args);
  }

  @Bean
  public Clock clock() {
    return Clock.system(ZONE);
  }
}
