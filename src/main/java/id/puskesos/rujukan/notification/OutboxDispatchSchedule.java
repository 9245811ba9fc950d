package id.puskesos.rujukan.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the outbox every {@code rujukan.notifications.poll-interval} in the application (any node). */
@Component
@ConditionalOnWebApplication
public class OutboxDispatchSchedule {

  private final OutboxDispatcher dispatcher;

  public OutboxDispatchSchedule(OutboxDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(fixedDelayString = "${rujukan.notifications.poll-interval:PT10S}",
      initialDelayString = "${rujukan.notifications.poll-interval:PT10S}")
  public void run() {
    dispatcher.dispatch();
  }
}
