package id.puskesos.rujukan.registry;

/** The fields of a resident's record that can change, with their column and the name staff read. */
public enum ResidentField {
  FULL_NAME("full_name", "nama"),
  KK_NUMBER("kk_number", "nomor KK"),
  BIRTH_DATE("birth_date", "tanggal lahir"),
  SEX("sex", "jenis kelamin"),
  ADDRESS("address", "alamat"),
  RT("rt", "RT"),
  RW("rw", "RW"),
  KELURAHAN("kelurahan", "kelurahan"),
  PHONE("phone", "nomor HP"),
  FAMILY_RELATIONSHIP("family_relationship", "hubungan keluarga"),
  DTKS_STATUS("dtks_status", "status DTKS/DTSEN"),
  DESIL("desil", "desil"),
  REGISTRY_UPDATED_ON("registry_updated_on", "tanggal pemutakhiran DTKS/DTSEN"),
  DECEASED("deceased", "meninggal"),
  MOVED_AWAY("moved_away", "pindah domisili");

  private final String column;
  private final String label;

  ResidentField(String column, String label) {
    this.column = column;
    this.label = label;
  }

  public String column() {
    return column;
  }

  public String label() {
    return label;
  }
}
