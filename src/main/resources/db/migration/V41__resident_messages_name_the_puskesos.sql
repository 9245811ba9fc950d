-- A resident's messages name the case's own Puskesos (issue 22, docs/city.md): the seeded "received" text said
-- "Puskesos Lebak Siliwangi" for every case; it now says {puskesos}. A text an administrator has changed is left as
-- it is. Portable SQL (H2, PostgreSQL).
UPDATE resident_message_template
SET body = '{puskesos}: pengaduan Anda sudah kami terima. Nomor rujukan Anda {nomor}. Untuk menanyakan status, kirim nomor rujukan dan tanggal lahir ke nomor ini.'
WHERE template_key = 'RECEIVED'
  AND body = 'Puskesos Lebak Siliwangi: pengaduan Anda sudah kami terima. Nomor rujukan Anda {nomor}. Untuk menanyakan status, kirim nomor rujukan dan tanggal lahir ke nomor ini.';
