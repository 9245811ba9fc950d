// The case page: search (GET /api/referrals) and one case (GET /api/referrals/{number}), in Bahasa Indonesia.
// Signs in with the Tasklist session when there is one, else asks for the user's engine account (HTTP Basic, kept in
// memory only). What the API answers goes into the page as text only.
(function () {
  'use strict';
  let credentials = null;
  let current = null; // the number of the case shown
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  };
  const when = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });
  const day = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' });
  const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
  const at = (v) => (v ? when.format(new Date(v)) : '');
  const date = (v) => (v ? day.format(new Date(v.length === 10 ? v + 'T00:00:00+07:00' : v)) : '');
  const GROUPS = {
    fo: 'Front office', fasilitator: 'Fasilitator', bo: 'Back office', koordinator: 'Koordinator',
    manajer: 'Manajer layanan', slrt: 'SLRT Kota', dinsos: 'Dinas Sosial', baznas: 'BAZNAS', salman: 'Rumah Amal Salman',
    nakes: 'Tenaga kesehatan', babinsa: 'Babinsa'
  };

  class SignIn extends Error {}

  async function api(path) {
    const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
    if (credentials) headers.Authorization = 'Basic ' + credentials;
    const answer = await fetch(path, { headers, credentials: 'same-origin' });
    if (answer.status === 401) throw new SignIn(credentials ? 'Nama pengguna atau kata sandi salah' : '');
    const body = await answer.json().catch(() => ({}));
    if (!answer.ok) throw new Error(problemText(body) || 'Permintaan gagal (' + answer.status + ')');
    return body;
  }

  // the API's problem in words: its field errors where it names them, else its message
  function problemText(body) {
    const fields = (body.errors || []).map((e) => e.message).filter(Boolean);
    return fields.length ? fields.join('; ') : body.message;
  }

  function table(columns, rows) {
    const t = el('table');
    const head = el('tr');
    columns.forEach((c) => head.appendChild(el('th', c.title)));
    t.appendChild(head);
    rows.forEach((r) => {
      const tr = el('tr');
      columns.forEach((c) => {
        const td = el('td');
        const v = c.value(r);
        if (v instanceof Node) td.appendChild(v); else td.textContent = v === null || v === undefined ? '' : v;
        if (c.cls) td.className = c.cls(r) || '';
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
    return t;
  }

  function caseLink(number) {
    const a = el('a', number);
    a.href = '/kasus/?nomor=' + encodeURIComponent(number);
    a.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', a.href);
      route();
    });
    return a;
  }

  function section(title, ...children) {
    const s = el('section');
    s.appendChild(el('h2', title));
    children.forEach((c) => s.appendChild(c));
    return s;
  }

  async function showResults(query, page) {
    const params = new URLSearchParams({ page: String(page), size: '20' });
    if (query.q) params.set('q', query.q);
    if (query.status) params.set('status', query.status);
    const found = await api('/api/referrals?' + params);
    const box = $('results');
    box.replaceChildren(el('h2', 'Hasil pencarian: ' + found.total + ' kasus'));
    if (found.items.length) {
      box.appendChild(table([
        { title: 'Nomor rujukan', value: (r) => caseLink(r.referralNumber) },
        { title: 'Warga', value: (r) => r.residentName },
        { title: 'NIK', value: (r) => r.nikMasked },
        { title: 'RT/RW', value: (r) => r.rt + '/' + r.rw },
        { title: 'Diterima', value: (r) => at(r.receivedAt) },
        { title: 'Tahap', value: (r) => r.stageLabel + (r.urgent ? ' (mendesak)' : '') },
        { title: 'Status', value: (r) => (r.status === 'OPEN' ? 'Berjalan' : 'Selesai') }
      ], found.items));
    }
    const pages = Math.ceil(found.total / found.size);
    if (pages > 1) {
      const nav = el('nav', null, 'pages');
      const move = (to, label) => {
        const b = el('button', label);
        b.type = 'button';
        b.disabled = to < 0 || to >= pages;
        b.addEventListener('click', () => run(() => showResults(query, to)));
        return b;
      };
      nav.append(move(page - 1, '‹ Sebelumnya'), el('span', 'Halaman ' + (page + 1) + ' dari ' + pages),
        move(page + 1, 'Berikutnya ›'));
      box.appendChild(nav);
    }
    box.hidden = false;
    $('case').hidden = true;
  }

  function resident(c) {
    const dl = el('dl');
    const row = (k, v) => { dl.append(el('dt', k), el('dd', v)); };
    row('Nama', c.resident.name);
    const nik = el('dd', c.resident.nikMasked);
    if (c.resident.fullNikUrl) {
      // the whole number, for those who type it into their own systems; each read is logged
      const show = el('button', 'Tampilkan NIK lengkap', 'full-nik');
      show.type = 'button';
      show.addEventListener('click', () => run(async () => {
        nik.textContent = (await api(c.resident.fullNikUrl)).nik + ' (pembacaan dicatat)';
      }));
      nik.append(' ', show);
    }
    dl.append(el('dt', 'NIK'), nik);
    row('Kelurahan', c.resident.kelurahan);
    if (c.complaints.length) row('Saluran', c.complaints[0].channelLabel);
    row('Diterima', at(c.receivedAt));
    row('Kebutuhan', c.needLabels.join(', '));
    if (c.resident.nationalPrograms && c.resident.nationalPrograms.length) {
      row('Program nasional (DTSEN)', c.resident.nationalPrograms.filter((m) => m.member).map((m) => m.programName + ' (' + m.period + ')').join(', '));
    }
    if (c.closedAt) row('Ditutup', at(c.closedAt) + (c.outcomeLabel ? ' · ' + c.outcomeLabel : ''));
    if (c.outcomeReason) row('Keterangan', c.outcomeReason);
    return dl;
  }

  function complaints(list) {
    const box = el('div');
    list.forEach((k, i) => {
      const item = el('div', null, 'complaint');
      item.appendChild(el('div', at(k.receivedAt) + ' · ' + k.channelLabel + ' · ' + k.needs.join(', ')
        + (k.urgent ? ' · mendesak' : '') + (k.merged ? ' · pengaduan tambahan (digabungkan)' : ' · pengaduan pertama'),
        'meta'));
      item.appendChild(el('p', k.text));
      box.appendChild(item);
    });
    return box;
  }

  function program(p) {
    const parts = [];
    if (p.letterUrl) {
      const a = el('a', 'Surat ' + p.letterNumber);
      a.href = p.letterUrl;
      a.target = '_blank';
      parts.push(a);
    }
    if (p.distributedOn) {
      parts.push(el('span', 'Diserahkan ' + date(p.distributedOn)
        + (p.aidAmount ? ' · ' + rupiah.format(p.aidAmount) : '') + (p.aidItems ? ' · ' + p.aidItems : '')));
    }
    (p.handoverProofs || []).forEach((proof, i) => {
      const a = el('a', 'Bukti serah terima ' + (i + 1));
      a.href = proof.url;
      a.target = '_blank';
      parts.push(a);
      if (proof.contentType && proof.contentType.startsWith('image/')) {
        const img = el('img', null, 'proof');
        img.src = proof.url;
        img.alt = 'Foto serah terima ' + (i + 1);
        img.style.maxWidth = '12rem';
        parts.push(img);
      }
    });
    const box = el('div');
    parts.forEach((n) => { box.appendChild(n); box.appendChild(el('br')); });
    if (p.mayAttachProof) box.appendChild(proofForm(p));
    return box;
  }

  // a handover's photo or scan, attached by the partner's staff; the server checks type and size again
  function proofForm(p) {
    const form = el('form', null, 'proof-upload');
    const label = el('label', 'Lampirkan foto/scan bukti serah terima (JPEG, PNG atau PDF, maks. 5 MB)');
    const file = el('input');
    file.type = 'file';
    file.name = 'file';
    file.accept = 'image/jpeg,image/png,application/pdf';
    file.required = true;
    label.appendChild(file);
    const send = el('button', 'Lampirkan');
    send.type = 'submit';
    const said = el('p', null, 'proof-message');
    said.setAttribute('role', 'status');
    form.append(label, send, said);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      said.className = 'proof-message';
      said.textContent = 'Mengirim…';
      try {
        const body = new FormData();
        body.append('file', file.files[0]);
        const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
        if (credentials) headers.Authorization = 'Basic ' + credentials;
        else headers['X-XSRF-TOKEN'] = await sessionToken();
        const answer = await fetch('/api/referrals/' + encodeURIComponent(current) + '/programs/'
          + encodeURIComponent(p.code) + '/handover-proofs', { method: 'POST', body, headers, credentials: 'same-origin' });
        const reply = await answer.json().catch(() => ({}));
        if (!answer.ok) throw new Error(problemText(reply) || 'Berkas tidak dapat dilampirkan (' + answer.status + ')');
        route();
      } catch (e) {
        said.className = 'proof-message error';
        said.textContent = e.message;
      }
    });
    return form;
  }

  // the Tasklist session's CSRF token, which the one command the page sends within the session carries
  async function sessionToken() {
    return (await api('/api/session/csrf-token')).token;
  }

  function showCase(c) {
    current = c.referralNumber;
    const box = $('case');
    const status = el('span', c.status === 'OPEN' ? 'Berjalan' : 'Selesai', 'badge ' + c.status.toLowerCase());
    const title = el('h2', 'Kasus ' + c.referralNumber + ' ');
    title.appendChild(status);
    box.replaceChildren(title, el('p', 'Tahap: ' + c.stageLabel + (c.urgent ? ' · mendesak' : ''), 'meta'));
    box.appendChild(section('Warga', resident(c)));
    if (c.complaints.length) box.appendChild(section('Pengaduan', complaints(c.complaints)));
    box.appendChild(section('Program dan keputusan mitra', c.programs.length ? table([
      { title: 'Program', value: (p) => p.name },
      { title: 'Mitra', value: (p) => p.partner },
      { title: 'Status', value: (p) => p.statusLabel },
      { title: 'Keputusan', value: (p) => [p.decidedBy, at(p.decidedAt), p.reason].filter(Boolean).join(' · ') },
      { title: 'Surat dan penyaluran', value: program }
    ], c.programs) : el('p', 'Belum ada program.')));
    const now = Date.now();
    box.appendChild(section('Tugas terbuka', c.openTasks.length ? table([
      { title: 'Tugas', value: (t) => t.name },
      { title: 'Dikerjakan oleh', value: (t) => (t.assignee || t.candidateGroups.map((g) => GROUPS[g] || g).join(', ')) },
      { title: 'Dibuat', value: (t) => at(t.created) },
      { title: 'Tenggat', value: (t) => (t.due ? at(t.due) + (new Date(t.due).getTime() < now ? ' (terlambat)' : '') : ''),
        cls: (t) => (t.due && new Date(t.due).getTime() < now ? 'late' : '') }
    ], c.openTasks) : el('p', 'Tidak ada tugas terbuka.')));
    if (c.timeline.length) {
      box.appendChild(section('Riwayat', table([
        { title: 'Waktu', value: (e) => at(e.at) },
        { title: 'Oleh', value: (e) => e.actor },
        { title: 'Kejadian', value: (e) => e.text }
      ], c.timeline)));
    }
    box.hidden = false;
    $('results').hidden = true;
    document.title = 'Kasus ' + c.referralNumber + ' - Puskesos';
  }

  async function run(action) {
    $('message').textContent = '';
    try {
      await action();
      $('login').hidden = true;
      $('page').hidden = false;
    } catch (e) {
      if (e instanceof SignIn) {
        $('page').hidden = true;
        $('login').hidden = false;
        $('loginError').textContent = e.message;
        pending = action;
      } else {
        $('page').hidden = false;
        $('message').textContent = e.message;
      }
    }
  }

  let pending = null;
  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    credentials = btoa(unescape(encodeURIComponent($('user').value + ':' + $('password').value)));
    run(pending || (() => api('/api/referrals?size=1')));
  });
  $('search').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = { q: $('q').value.trim(), status: $('status').value };
    history.pushState(null, '', '/kasus/?' + new URLSearchParams(query));
    run(() => showResults(query, 0));
  });

  function route() {
    const params = new URLSearchParams(location.search);
    const number = params.get('nomor');
    if (number) {
      run(async () => showCase(await api('/api/referrals/' + encodeURIComponent(number))));
    } else {
      $('q').value = params.get('q') || '';
      $('status').value = params.get('status') || '';
      run(() => showResults({ q: $('q').value, status: $('status').value }, 0));
    }
  }
  window.addEventListener('popstate', route);
  route();
}());
