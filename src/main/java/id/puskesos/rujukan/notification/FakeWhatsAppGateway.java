package id.puskesos.rujukan.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a WhatsApp gateway, on loopback only, for the demo and the tests (docs/operations.md, "WhatsApp
 * gateway"). {@code POST /kirim} takes what {@link WhatsAppSender} posts and records it, once per
 * {@code Idempotency-Key} as a real gateway would (a resend after a crash is answered 200 and counted, not delivered
 * again); {@code GET /kirim} lists what was delivered. {@code POST /masuk} with {@code {"from", "text"}} plays a
 * resident writing in: the message is forwarded to the application's inbound webhook with the shared token.
 */
public class FakeWhatsAppGateway {

  /** One delivered message. */
  public record Sent(String to, String text, String idempotencyKey, Instant at) {
  }

  /** The application's answer to a forwarded inbound message. */
  public record Forwarded(int status, String body) {
  }

  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final Set<String> keys = ConcurrentHashMap.newKeySet();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final HttpServer server;
  private final String inboundUrl;
  private final String inboundToken;
  private volatile int resends;

  /** Listens on loopback at {@code port} (0: any free port) and forwards inbound messages to {@code inboundUrl}. */
  public FakeWhatsAppGateway(int port, String inboundUrl, String inboundToken) throws IOException {
    this.inboundUrl = inboundUrl;
    this.inboundToken = inboundToken == null ? "" : inboundToken;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/kirim", this::outbound);
    server.createContext("/masuk", this::inbound);
  }

  public FakeWhatsAppGateway start() {
    server.start();
    return this;
  }

  public void stop() {
    server.stop(0);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** What the application sent, in the order it arrived, each message once. */
  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** How many posts repeated a key already delivered. */
  public int resends() {
    return resends;
  }

  public void clear() {
    sent.clear();
    keys.clear();
    resends = 0;
  }

  /** A resident's message to the Puskesos number, posted to the application's inbound webhook. */
  public Forwarded forwardInbound(String from, String text) throws IOException, InterruptedException {
    if (inboundUrl == null || inboundUrl.isBlank()) {
      return new Forwarded(503, "inbound-url belum dikonfigurasi");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(inboundUrl)).timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("from", from, "text", text))));
    if (!inboundToken.isBlank()) {
      request.header("X-Rujukan-Webhook-Token", inboundToken);
    }
    HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Forwarded(answer.statusCode(), answer.body());
  }

  private void outbound(HttpExchange exchange) throws IOException {
    try (exchange) {
      if ("GET".equals(exchange.getRequestMethod())) {
        answer(exchange, 200, json.writeValueAsBytes(sent));
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, new byte[0]);
        return;
      }
      JsonNode body = json.readTree(exchange.getRequestBody());
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      if (body == null || !body.hasNonNull("to") || !body.hasNonNull("text")) {
        answer(exchange, 400, "{\"error\":\"to dan text wajib\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (key != null && !keys.add(key)) {
        resends++;
      } else {
        sent.add(new Sent(body.get("to").asText(), body.get("text").asText(), key, Instant.now()));
      }
      answer(exchange, 200, "{\"status\":\"terkirim\"}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private void inbound(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, new byte[0]);
        return;
      }
      JsonNode body = json.readTree(exchange.getRequestBody());
      if (body == null || !body.hasNonNull("from") || !body.hasNonNull("text")) {
        answer(exchange, 400, "{\"error\":\"from dan text wajib\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Forwarded forwarded = forwardInbound(body.get("from").asText(), body.get("text").asText());
      answer(exchange, forwarded.status(), forwarded.body() == null ? new byte[0]
          : forwarded.body().getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }
}
