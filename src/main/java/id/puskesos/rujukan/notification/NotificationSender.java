package id.puskesos.rujukan.notification;

/** The port to one channel (e-mail, a WhatsApp gateway). A failure is an exception; the outbox retries. */
public interface NotificationSender {

  Channel channel();

  /** Whether the channel is set up; messages for a channel that is not wait, visibly, until it is. */
  boolean configured();

  void send(OutboxMessage message) throws Exception;
}
