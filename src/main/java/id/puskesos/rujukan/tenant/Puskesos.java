package id.puskesos.rujukan.tenant;

/**
 * One kelurahan's Puskesos, a tenant of the city's installation: {@code tenantId} is the kelurahan's Kemendagri code
 * without dots (10 digits), which its case numbers carry.
 */
public record Puskesos(String tenantId, String name, String kecamatan) {

  /** "Puskesos Lebak Siliwangi", as letters, reports and messages name it. */
  public String title() {
    return "Puskesos " + name;
  }
}
