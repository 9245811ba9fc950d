package id.puskesos.rujukan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the trail keeps of a request: no identity or phone number in full, no secret. */
class AuditTrailMaskingTest {

  @Test
  void identityAndPhoneNumbersAreMaskedAndSecretsLeftOut() {
    assertThat(AuditTrail.masked("GET /api/registry/residents?nik=3273014507850001&kk=3273010101080002"))
        .isEqualTo("GET /api/registry/residents?nik=3273**********01&kk=3273**********02");
    assertThat(AuditTrail.masked("GET /api/x?phone=%2B6281234567890")).isEqualTo("GET /api/x?phone=%2B6281*******90");
    assertThat(AuditTrail.masked("POST /api/x?password=Rahasia-1&user=fo&kataSandi=x&token=abc"))
        .isEqualTo("POST /api/x?password=***&user=fo&kataSandi=***&token=***");
  }

  @Test
  void referralNumbersAndEngineIdsStayReadable() {
    assertThat(AuditTrail.masked("GET /api/referrals/RJK-2026-000123"))
        .isEqualTo("GET /api/referrals/RJK-2026-000123");
    assertThat(AuditTrail.masked("GET /engine-rest/task/5f1e6a2c-9d1b-11ef-a2b4-0242ac120002"))
        .isEqualTo("GET /engine-rest/task/5f1e6a2c-9d1b-11ef-a2b4-0242ac120002");
  }
}
