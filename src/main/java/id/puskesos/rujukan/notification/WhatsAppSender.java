package id.puskesos.rujukan.notification;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * A WhatsApp gateway reached by an HTTP webhook ({@code rujukan.notifications.whatsapp.url}): a JSON POST of the
 * number and the text, with the outbox id as {@code Idempotency-Key}. Anything but a 2xx answer is a failure, and so
 * is a gateway that does not connect within {@code connect-timeout} or does not answer within {@code read-timeout}:
 * the message stays in the outbox for the next attempt, and the scheduler's thread is free again.
 */
@Component
public class WhatsAppSender implements NotificationSender {

  private final String url;
  private final String token;
  private final RestClient http;

  public WhatsAppSender(@Value("${rujukan.notifications.whatsapp.url:}") String url,
      @Value("${rujukan.notifications.whatsapp.token:}") String token,
      @Value("${rujukan.notifications.whatsapp.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${rujukan.notifications.whatsapp.read-timeout:PT15S}") Duration readTimeout) {
    this.url = url;
    this.token = token;
    // the JDK's HttpURLConnection: a silent gateway ends in "Read timed out", which the manager's list shows
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(connectTimeout);
    requests.setReadTimeout(readTimeout);
    this.http = RestClient.builder().requestFactory(requests).build();
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
