package id.puskesos.rujukan.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A scan cannot fill the trail: a client's refusals beyond the quota of a minute are counted, not stored. */
class AuditFilterQuotaTest {

  @Test
  void aClientsRefusalsBeyondTheMinutesQuotaAreNotStoredAndAnotherClientsStillAre() throws Exception {
    AuditTrail trail = mock(AuditTrail.class);
    AuditFilter filter = new AuditFilter(trail, Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneOffset.UTC), 3);

    for (int i = 0; i < 5; i++) {
      refuse(filter, "10.0.0.1");
    }
    refuse(filter, "10.0.0.2");

    verify(trail, times(3)).record(any(), eq("10.0.0.1"), any(), any(), anyInt(), any());
    verify(trail, times(1)).record(any(), eq("10.0.0.2"), any(), any(), anyInt(), any());
  }

  private static void refuse(AuditFilter filter, String client) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/audit");
    request.setRemoteAddr(client);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain() {
      @Override
      public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
        ((MockHttpServletResponse) res).setStatus(403);
      }
    });
  }
}
