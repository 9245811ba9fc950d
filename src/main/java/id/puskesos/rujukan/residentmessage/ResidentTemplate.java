package id.puskesos.rujukan.residentmessage;

import java.util.List;

/**
 * The resident's messages, one per turn of a case, and the placeholders each may use. The texts themselves are the
 * administrator's, in {@code resident_message_template} (seeded by V31, V34); this enum is the one list of what each turn
 * offers. None offers the NIK, the KK number or the birth date, and the template check refuses them by name.
 */
public enum ResidentTemplate {
  RECEIVED("Pengaduan diterima", "nomor"),
  VISIT_PLANNED("Kunjungan rumah direncanakan", "nomor"),
  REFERRED("Dirujuk ke program", "nomor", "program", "mitra", "langkah"),
  LETTER_READY("Surat rekomendasi siap diambil", "nomor", "program", "mitra", "surat", "tempat", "bawa"),
  ACCEPTED("Diterima mitra", "nomor", "program", "mitra"),
  WAITING_BUDGET("Diterima, menunggu anggaran", "nomor", "program", "mitra", "urutan", "perkiraan"),
  REJECTED("Ditolak mitra", "nomor", "program", "mitra", "alasan", "selanjutnya"),
  HANDED_OVER("Bantuan diserahkan", "nomor", "program", "mitra"),
  FOLLOW_UP("Tindak lanjut oleh fasilitator", "nomor"),
  CLOSED("Kasus selesai", "nomor", "hasil", "pengaduan");

  /** The placeholder of the case's Puskesos, offered by every turn. */
  public static final String PUSKESOS = "puskesos";

  /** Placeholders that would put identity data into a message: never offered, refused with their own reason. */
  public static final List<String> FORBIDDEN = List.of("nik", "no_kk", "kk", "nomor_kk", "tanggal_lahir",
      "tgl_lahir", "lahir", "telepon", "alamat");

  private final String label;
  private final List<String> placeholders;

  /** Every turn also offers {@code puskesos}: the case's Puskesos ("Puskesos Dago"), which the resident knows. */
  ResidentTemplate(String label, String... placeholders) {
    this.label = label;
    this.placeholders = java.util.stream.Stream.concat(java.util.stream.Stream.of(placeholders),
        java.util.stream.Stream.of(PUSKESOS)).toList();
  }

  public String label() {
    return label;
  }

  public List<String> placeholders() {
    return placeholders;
  }
}
