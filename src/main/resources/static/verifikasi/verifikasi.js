// The public letter check: no login. Sends the typed code to /api/public/letters/{code} and shows the four facts the
// answer holds (valid or not, number, date, program). Unknown and malformed codes get the same answer; after too many
// unknown codes the address waits (429). Data goes into the page as text only.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober',
    'November', 'Desember'];

  function written(isoDate) {
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || '');
    return parts ? Number(parts[3]) + ' ' + MONTHS[Number(parts[2]) - 1] + ' ' + parts[1] : '-';
  }

  function show(text, isError) {
    $('message').textContent = text;
    $('message').className = isError ? 'error' : '';
  }

  $('check').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('letter').hidden = true;
    const code = $('code').value.replace(/[\s-]/g, '').toUpperCase();
    if (!code) return;
    show('Memeriksa...', false);
    try {
      const answer = await fetch('/api/public/letters/' + encodeURIComponent(code),
        { headers: { Accept: 'application/json' } });
      if (answer.status === 404) {
        show('Kode tidak dikenal: surat tidak sah atau kode salah ketik. Periksa kembali kode pada surat.', true);
        return;
      }
      if (answer.status === 429) {
        const wait = answer.headers.get('Retry-After');
        show('Terlalu banyak kode yang tidak dikenal dari alamat ini. Coba lagi' + (wait ? ' dalam ' + wait + ' detik.' : ' nanti.'), true);
        return;
      }
      if (!answer.ok) {
        show('Pemeriksaan gagal (' + answer.status + '). Coba lagi nanti.', true);
        return;
      }
      const letter = await answer.json();
      $('status').textContent = letter.valid ? 'BERLAKU' : 'TIDAK BERLAKU (dicabut)';
      $('status').className = letter.valid ? '' : 'late';
      $('letterNumber').textContent = letter.letterNumber;
      $('issuedOn').textContent = written(letter.issuedOn);
      $('programName').textContent = letter.programName;
      $('letter').hidden = false;
      show(letter.valid ? 'Surat ini diterbitkan Puskesos dan masih berlaku.'
        : 'Surat ini pernah diterbitkan Puskesos, tetapi sudah tidak berlaku. Jangan dijadikan dasar penyaluran bantuan.', !letter.valid);
    } catch (e) {
      show('Tidak dapat menghubungi server. Periksa koneksi lalu coba lagi.', true);
    }
  });
}());
