package id.puskesos.rujukan.scenario;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with Camunda's webapps, as their pages make it: a first GET fetches the CSRF token and the
 * session cookie, the login form posts user name and password for one application (tasklist, cockpit, admin), and
 * later requests carry the session cookie and the token.
 */
final class WebappSession {

  private final String root;
  private final HttpClient client;
  private String token;
  private int loginStatus;

  private WebappSession(String root) {
    this.root = root;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  /** Signs in to the application; the answer's status is the login's (200, 401 wrong password, 403 no access). */
  static WebappSession login(String root, String app, String user, String password) throws Exception {
    WebappSession session = new WebappSession(root);
    session.loginStatus = session.signIn(app, user, password);
    return session;
  }

  int loginStatus() {
    return loginStatus;
  }

  private int signIn(String app, String user, String password) throws IOException, InterruptedException {
    get("/camunda/api/admin/auth/user/default");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(root
        + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token).header("Origin", root)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    answer.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> token = t);
    return answer.statusCode();
  }

  /** A GET within the session (the token refreshed from the answer, as the webapps do). */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).GET();
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    answer.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> token = t);
    return answer;
  }
}
