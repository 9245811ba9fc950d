package id.puskesos.rujukan.notification;

/**
 * A message of the outbox as a sender gets it; {@code id} is its idempotency key at the receiver, {@code documentId}
 * names a stored document to attach (e-mail only), or is null.
 */
public record OutboxMessage(long id, Channel channel, String recipient, String subject, String body,
    Long documentId) {

  /** The key a receiver can recognise a resend by. */
  public String idempotencyKey() {
    return "rujukan-outbox-" + id;
  }
}
