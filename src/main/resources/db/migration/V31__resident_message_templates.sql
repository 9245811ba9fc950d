-- The WhatsApp messages a resident who consented to be contacted gets at each turn of a case (docs/resident-messages.md).
-- The administrator edits the texts (PUT /api/notifications/templates/{key}); the placeholders each may use are the
-- code's (residentmessage.ResidentTemplate), and none of them is the NIK or the birth date. An inactive template sends
-- nothing.
CREATE TABLE resident_message_template (
    template_key VARCHAR(32)   NOT NULL PRIMARY KEY,
    body         VARCHAR(1000) NOT NULL,
    active       BOOLEAN       DEFAULT TRUE NOT NULL,
    updated_by   VARCHAR(64),
    updated_at   TIMESTAMP WITH TIME ZONE
);

INSERT INTO resident_message_template (template_key, body) VALUES
('RECEIVED', 'Puskesos Lebak Siliwangi: pengaduan Anda sudah kami terima. Nomor rujukan Anda {nomor}. Untuk menanyakan status, kirim nomor rujukan dan tanggal lahir ke nomor ini.'),
('REFERRED', 'Rujukan {nomor}: Anda dirujuk ke program {program} ({mitra}). {langkah}'),
('LETTER_READY', 'Rujukan {nomor}: surat rekomendasi {surat} untuk program {program} sudah terbit. Ambil di {tempat}. Bawa {bawa}.'),
('ACCEPTED', 'Rujukan {nomor}: {mitra} menerima Anda untuk program {program}. Petugas akan memberi tahu waktu dan tempat penyerahan bantuan.'),
('WAITING_BUDGET', 'Rujukan {nomor}: {mitra} menerima Anda untuk program {program}, tetapi anggarannya sedang habis. Anda di daftar tunggu urutan ke-{urutan}. {perkiraan}'),
('REJECTED', 'Rujukan {nomor}: {mitra} tidak dapat memberi bantuan program {program}. Alasan: {alasan}. {selanjutnya}'),
('HANDED_OVER', 'Rujukan {nomor}: bantuan program {program} dari {mitra} tercatat sudah diserahkan kepada Anda. Jika belum Anda terima, kabari Puskesos.'),
('FOLLOW_UP', 'Rujukan {nomor}: fasilitator Puskesos akan menghubungi Anda untuk menanyakan apakah bantuan sudah diterima dan bermanfaat.'),
('CLOSED', 'Rujukan {nomor} sudah selesai. Hasil: {hasil}. Jika Anda tidak puas atau ingin mengadu, {pengaduan}.');
