package id.puskesos.rujukan.notification;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * A WhatsApp gateway reached by an HTTP webhook ({@code rujukan.notifications.whatsapp.url}): a JSON POST of the
 * number and the text, with the outbox id as {@code Idempotency-Key}. Anything but a 2xx answer is a failure.
 */
@Component
public class WhatsAppSender implements NotificationSender {

  private final String url;
  private final String token;
  private final RestClient http = RestClient.create();

  public WhatsAppSender(@Value("${rujukan.notifications.whatsapp.url:}") String url,
      @Value("${rujukan.notifications.whatsapp.token:}") String token) {
    this.url = url;
    this.token = token;
  }

  @Override
  public Channel channel() {
    return Channel.WHATSAPP;
  }

  @Override
  public boolean configured() {
    return !url.isBlank();
  }

  @Override
  public void send(OutboxMessage message) {
    http.post().uri(url).contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", message.idempotencyKey())
        .headers(h -> {
          if (!token.isBlank()) {
            h.setBearerAuth(token);
          }
        })
        .body(Map.of("to", message.recipient(), "text", message.body()))
        .retrieve().toBodilessEntity();
  }
}
