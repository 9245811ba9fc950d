package id.puskesos.rujukan.sla;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the service-level watch on its interval ({@code rujukan.sla.watch-interval}, 30 s: a late task is escalated
 * within a minute of its due time) in the application, not in the command-line tools. Every node may run it: a notice is recorded once whoever records it.
 */
@Component
@ConditionalOnWebApplication
public class SlaWatchSchedule {

  private final SlaWatch watch;

  public SlaWatchSchedule(SlaWatch watch) {
    this.watch = watch;
  }

  @Scheduled(fixedDelayString = "${rujukan.sla.watch-interval:PT30S}", initialDelayString = "PT15S")
  public void run() {
    watch.check();
  }
}
