package id.puskesos.rujukan.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 from another client on this machine: the socket is bound to a loopback address of its own (127.0.0.2,
 * 127.0.0.3, ...), so the server sees a different client address without trusting any header. The JDK's HTTP
 * client cannot choose its local address on Java 17.
 */
final class FromAddress {

  /** Status, headers (names in lower case) and the body as sent (chunk sizes included, if chunked). */
  record Answer(int status, Map<String, String> headers, String body) {
  }

  private FromAddress() {
  }

  /** A GET with HTTP Basic credentials from the local address, plus any extra headers (name, value, ...). */
  static Answer get(String localAddress, int port, String path, String user, String password, String... headers)
      throws IOException {
    return send(localAddress, port, "GET", path, user, password, null, headers);
  }

  /** A request with HTTP Basic credentials (none if the user is null) and a JSON body (none if null). */
  static Answer send(String localAddress, int port, String method, String path, String user, String password,
      String json, String... headers) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
          + "\r\n");
      if (user != null) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8));
        request.append("Authorization: Basic ").append(credentials).append("\r\n");
      }
      for (int i = 0; i < headers.length; i += 2) {
        request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
      if (json != null) {
        request.append("Content-Type: application/json\r\n");
      }
      request.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
      }
    }
    return new Answer(status, headers, end < 0 ? "" : text.substring(end + 4));
  }
}
