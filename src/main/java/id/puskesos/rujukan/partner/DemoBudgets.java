package id.puskesos.rujukan.partner;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;

/**
 * The demo profile's budgets ({@code rujukan.demo.budgets}): each program named gets its amount for the current
 * period when it has no budget for it yet. Outside the demo profile budgets come only from the partners.
 */
@Component
@Profile("demo")
public class DemoBudgets implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(DemoBudgets.class);

  @ConfigurationProperties("rujukan.demo")
  public record Settings(Map<String, Long> budgets) {
    public Settings {
      budgets = budgets == null ? Map.of() : Map.copyOf(budgets);
    }
  }

  private final Settings settings;
  private final ProgramCatalogue catalogue;
  private final Budgets budgets;

  public DemoBudgets(Settings settings, ProgramCatalogue catalogue, Budgets budgets) {
    this.settings = settings;
    this.catalogue = catalogue;
    this.budgets = budgets;
  }

  @Override
  public void afterSingletonsInstantiated() {
    settings.budgets().forEach((code, amount) -> catalogue.findProgram(code).filter(p -> p.budgeted()).ifPresent(p -> {
      String period = budgets.currentPeriod(p);
      if (budgets.budget(code, period).isEmpty()) {
        budgets.topUp(p, period, amount, "demo", "Anggaran demo");
        LOG.info("Demo budget {} {}: {}", code, period, amount);
      }
    }));
  }
}
