package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A user signed in to the Camunda webapps as a browser is: a session cookie from the Tasklist login and Camunda's
 * CSRF token, sent back as the {@code X-XSRF-TOKEN} header on every request, as Tasklist and Cockpit call the
 * engine through {@code /camunda/api/engine/engine/default/...}.
 */
final class WebappSession {

  static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String TOKEN = "X-XSRF-TOKEN";

  private final String root;
  private final HttpClient client;
  private String token;

  private WebappSession(String root) {
    this.root = root;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Signs in to Tasklist; fails the test when the login or the CSRF token does not work. */
  static WebappSession signIn(String root, String user) {
    WebappSession session = new WebappSession(root);
    // the first request opens the session and brings the CSRF token, as loading Tasklist does
    session.exchange("GET", "/camunda/api/admin/auth/user/default", null, null);
    Answer login = session.exchange("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo",
        "application/x-www-form-urlencoded");
    assertThat(login.status()).as("%s signs in to Tasklist: %s", user, login.body()).isEqualTo(200);
    // the login starts a new session: fetch its token
    session.exchange("GET", "/camunda/api/admin/auth/user/default", null, null);
    // a POST query, which the CSRF filter checks like any change: proves the session and its token work
    Answer control = session.engine("POST", "/task?maxResults=1", "{}");
    assertThat(control.status()).as("%s's session passes the CSRF check: %s", user, control.body()).isEqualTo(200);
    return session;
  }

  /** A request to the engine's REST API inside the webapps, JSON in and out. */
  Answer engine(String method, String path, String json) {
    return exchange(method, ENGINE + path, json, json == null ? null : "application/json");
  }

  Answer exchange(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header(TOKEN, token);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().firstValue(TOKEN).filter(t -> !t.isBlank() && !"Required".equals(t))
          .ifPresent(t -> token = t);
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A status and a body, whichever client asked. */
  record Answer(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }
}
