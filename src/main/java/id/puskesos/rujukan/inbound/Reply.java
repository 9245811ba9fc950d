package id.puskesos.rujukan.inbound;

/** What came of one inbound message: the outcome logged, the text sent back (or null), the case it concerned. */
record Reply(Outcome outcome, String text, String referralNumber) {

  /** The outcomes the inbound log records. */
  enum Outcome {
    /** A status request whose number and birth date matched, from the resident's registered number. */
    ANSWERED,
    /** A status request that did not match, or a text that is neither a request nor an answer. */
    NOT_MATCHED,
    /** A YA or TIDAK matched to the resident's open question and recorded. */
    RECORDED,
    /** A YA or TIDAK with no open question for that number. */
    IGNORED,
    /** A complaint about the service, opened as a grievance. */
    GRIEVANCE_OPENED,
    /** Held back by the sender's throttle. */
    THROTTLED
  }

  static final String NOT_MATCHED_TEXT = "Nomor rujukan atau tanggal lahir tidak cocok. Kirim nomor rujukan dan "
      + "tanggal lahir warga yang tercatat, contoh: RJK-3273021006-2026-000123 21-07-1990. Bantuan lebih lanjut di kantor "
      + "Puskesos kelurahan Anda.";
  static final String NO_QUESTION_TEXT = "Terima kasih. Pesan Anda tidak dapat kami cocokkan dengan pertanyaan dari "
      + "Puskesos. Untuk informasi, kirim nomor rujukan dan tanggal lahir, atau datang ke kantor Puskesos "
      + "kelurahan Anda.";
  static final String THROTTLED_TEXT = "Terlalu banyak pesan dari nomor ini. Silakan coba lagi nanti (setelah satu "
      + "jam), atau datang ke kantor Puskesos kelurahan Anda.";
}
