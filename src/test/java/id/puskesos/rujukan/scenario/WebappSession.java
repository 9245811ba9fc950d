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
 * A user signed in to the Camunda webapps as a browser is: a first request opens the session and brings Camunda's
 * CSRF token, the login form posts the user name and password for one application (tasklist, cockpit, admin), and
 * later requests carry the session cookie and the token as the {@code X-XSRF-TOKEN} header, as Tasklist and Cockpit
 * call the engine through {@code /camunda/api/engine/engine/default/...}.
 */
final class WebappSession {

  static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String TOKEN = "X-XSRF-TOKEN";

  private final String root;
  private final HttpClient client;
  private String token;
  private int loginStatus;

  private WebappSession(String root) {
    this.root = root;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Signs in to the application; {@link #loginStatus()} is the login's answer (200, 401, 403 no access, 429). */
  static WebappSession login(String root, String app, String user, String password) {
    WebappSession session = new WebappSession(root);
    // the first request opens the session and brings the CSRF token, as loading the webapp does
    session.exchange("GET", "/camunda/api/admin/auth/user/default", null, null);
    session.loginStatus = session.exchange("POST", "/camunda/api/admin/auth/user/default/login/" + app,
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8), "application/x-www-form-urlencoded").status();
    // the login starts a new session: fetch its token
    session.exchange("GET", "/camunda/api/admin/auth/user/default", null, null);
    return session;
  }

  /** Signs in to Tasklist with the demo password; fails the test when the login or the CSRF token does not work. */
  static WebappSession signIn(String root, String user) {
    WebappSession session = login(root, "tasklist", user, "demo");
    assertThat(session.loginStatus).as("%s signs in to Tasklist", user).isEqualTo(200);
    // a POST query, which the CSRF filter checks like any change: proves the session and its token work
    Answer control = session.engine("POST", "/task?maxResults=1", "{}");
    assertThat(control.status()).as("%s's session passes the CSRF check: %s", user, control.body()).isEqualTo(200);
    return session;
  }

  int loginStatus() {
    return loginStatus;
  }

  /** A GET within the session, with the answer's headers. */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request("GET", path, null, null));
  }

  /** A GET within the session that also sends HTTP Basic credentials (which then speak for the request). */
  Answer getWithBasic(String path, String user, String password) {
    String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
    return answer(HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json").header("Authorization", "Basic " + basic).GET().build());
  }

  /** A request to the engine's REST API inside the webapps, JSON in and out. */
  Answer engine(String method, String path, String json) {
    return exchange(method, ENGINE + path, json, json == null ? null : "application/json");
  }

  Answer exchange(String method, String path, String body, String contentType) {
    return exchange(method, path, body, contentType, true);
  }

  /** A request within the session, with or without the session's CSRF token. */
  Answer exchange(String method, String path, String body, String contentType, boolean withToken) {
    return answer(request(method, path, body, contentType, withToken));
  }

  private Answer answer(HttpRequest request) {
    try {
      HttpResponse<String> response = send(request);
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest request(String method, String path, String body, String contentType) {
    return request(method, path, body, contentType, true);
  }

  private HttpRequest request(String method, String path, String body, String contentType, boolean withToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json").header("Origin", root)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null && withToken) {
      request.header(TOKEN, token);
    }
    return request.build();
  }

  /** Sends the request; the token is refreshed from the answer, as the webapps do. */
  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    response.headers().firstValue(TOKEN).filter(t -> !t.isBlank() && !"Required".equals(t)).ifPresent(t -> token = t);
    return response;
  }

  /** A status and a body, whichever client asked. */
  record Answer(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }
}
