// The what-if simulations page: run one (POST /api/simulations) or open one (?id=N, GET /api/simulations/{id}) and show
// actual beside what-if as tables and inline SVG bars, with a CSV of the per-program table. Signs in with the Tasklist
// session when there is one, else asks for the user's engine account (HTTP Basic, kept in memory only). What the API
// answers goes into the page as text only. No libraries.
(function () {
  'use strict';
  let credentials = null;
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  };
  const SVG = 'http://www.w3.org/2000/svg';
  const svgEl = (tag, attrs, text) => {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = String(text);
    return node;
  };
  const number = new Intl.NumberFormat('id-ID');
  const percent = (share) => (share === null || share === undefined ? '-' : (share * 100).toFixed(1).replace('.', ',') + '%');

  class Refusal extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  function problemText(body) {
    const fields = (body.errors || []).map((e) => e.message).filter(Boolean);
    return fields.length ? fields.join('; ') : body.message;
  }

  async function call(path, options) {
    const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json', ...(options && options.headers) };
    if (credentials) headers.Authorization = 'Basic ' + credentials;
    const answer = await fetch(path, { ...options, headers, credentials: 'same-origin' });
    if (answer.status === 401) throw new Refusal(401, credentials ? 'Nama pengguna atau kata sandi salah' : '');
    return answer;
  }

  async function json(path, options) {
    const answer = await call(path, options);
    const body = await answer.json().catch(() => ({}));
    if (!answer.ok) throw new Refusal(answer.status, problemText(body) || 'Permintaan gagal (' + answer.status + ')');
    return body;
  }

  async function sessionToken() {
    return (await json('/api/session/csrf-token')).token;
  }

  function table(columns, rows) {
    const t = el('table');
    const head = el('tr');
    columns.forEach((c) => head.appendChild(el('th', c.title)));
    t.appendChild(head);
    rows.forEach((r) => {
      const tr = el('tr');
      columns.forEach((c) => tr.appendChild(el('td', c.value(r), c.numeric ? 'n' : '')));
      t.appendChild(tr);
    });
    return t;
  }

  // paired horizontal bars, actual and what-if, each labelled in text with its side and value (not colour alone)
  function pairedBars(title, rows, label, actual, whatIf) {
    const box = $(title.id);
    box.replaceChildren(el('h2', title.text));
    if (!rows.length) {
      box.appendChild(el('p', 'Tidak ada data.', 'note'));
      return;
    }
    const max = Math.max(1, ...rows.map((r) => Math.max(actual(r), whatIf(r))));
    const rowHeight = 44;
    const svg = svgEl('svg', { width: 760, height: rows.length * rowHeight + 10, role: 'img', 'aria-label': title.text });
    rows.forEach((r, i) => {
      const y = i * rowHeight + 5;
      svg.appendChild(svgEl('text', { x: 0, y: y + 14 }, label(r)));
      [[actual(r), 'nyata', 'bar-actual', 0], [whatIf(r), 'simulasi', 'bar-whatif', 18]].forEach(([v, side, cls, dy]) => {
        const width = Math.round((v / max) * 300);
        svg.appendChild(svgEl('rect', { x: 260, y: y + dy, width: Math.max(width, 1), height: 14, class: cls }));
        svg.appendChild(svgEl('text', { x: 266 + width, y: y + dy + 12 }, side + ': ' + number.format(v)));
      });
    });
    box.appendChild(svg);
  }

  function perMonth(amounts, unit) {
    return Object.keys(amounts || {}).sort().map((m) => m + ': ' + number.format(amounts[m]) + ' ' + (unit || '')).join('; ');
  }

  function show(s) {
    const r = s.report;
    $('result').hidden = false;
    $('resultTitle').textContent = 'Simulasi ' + s.id + ': kasus diterima ' + s.from + ' s.d. ' + s.to;
    $('resultMeta').textContent = 'Dijalankan oleh ' + s.createdBy + ' pada ' + new Date(s.createdAt).toLocaleString('id-ID')
      + '; ' + r.table + (r.topUps.length ? '; tambahan anggaran: ' + r.topUps.map((t) => t.programCode + ' ' + t.period
        + ' ' + number.format(t.amount)).join(', ') : '') + '.';
    history.replaceState(null, '', '/simulasi/?id=' + encodeURIComponent(s.id));
    $('csvLink').onclick = async (event) => {
      event.preventDefault();
      const answer = await call('/api/simulations/' + s.id + '/csv');
      const link = el('a');
      link.href = URL.createObjectURL(await answer.blob());
      link.download = 'simulasi-' + s.id + '.csv';
      link.click();
    };
    const headline = $('headline');
    headline.replaceChildren(el('h2', 'Ringkasan: nyata dan simulasi'), table([
      { title: 'Angka', value: (x) => x[0] }, { title: 'Nyata', value: (x) => x[1], numeric: true },
      { title: 'Simulasi', value: (x) => x[2], numeric: true }], [
      ['Kasus diterima (diputar ulang)', r.casesReceived + ' (' + r.casesReplayed + ')', r.casesReceived + ' (' + r.casesReplayed + ')'],
      ['Warga tanpa program', r.noProgramActual, r.noProgramWhatIf],
      ['Kasus terfasilitasi', r.facilitationActual.facilitated, r.facilitationWhatIf.facilitated],
      ['Tingkat fasilitasi (ukuran studi)', percent(r.facilitationActual.rate), percent(r.facilitationWhatIf.rate)],
      ['Tingkat fasilitasi dari kasus yang dirujuk', percent(r.facilitationActual.referredRate), percent(r.facilitationWhatIf.referredRate)],
      ['Daftar tunggu anggaran (kasus, akhir periode)', r.waitingActual, r.waitingWhatIf],
      ['Kasus yang mendapat / kehilangan program', '', r.casesGaining + ' / ' + r.casesLosing]]),
    el('p', r.facilitationDefinition, 'note'));
    $('programs').replaceChildren(el('h2', 'Per program'), table([
      { title: 'Program', value: (p) => p.programName }, { title: 'Mitra', value: (p) => p.partnerName },
      { title: 'Kasus nyata', value: (p) => p.casesActual, numeric: true },
      { title: 'Kasus simulasi', value: (p) => p.casesWhatIf, numeric: true },
      { title: 'Kebutuhan anggaran nyata', value: (p) => perMonth(p.neededActual, p.unit) },
      { title: 'Kebutuhan anggaran simulasi', value: (p) => perMonth(p.neededWhatIf, p.unit) },
      { title: 'Daftar tunggu nyata', value: (p) => (p.budgeted ? p.waitingActual : '-'), numeric: true },
      { title: 'Daftar tunggu simulasi', value: (p) => (p.budgeted ? p.waitingWhatIf : '-'), numeric: true },
      { title: 'Rata-rata tunggu (hari) nyata / simulasi', value: (p) => (p.budgeted ? (p.meanWaitDaysActual ?? '-') + ' / '
        + (p.meanWaitDaysWhatIf ?? '-') : '-') }], r.programs));
    pairedBars({ id: 'casesChart', text: 'Kasus per program: nyata dan simulasi' }, r.programs, (p) => p.programName,
      (p) => p.casesActual, (p) => p.casesWhatIf);
    pairedBars({ id: 'waitingChart', text: 'Daftar tunggu anggaran: nyata dan simulasi' }, r.programs.filter((p) => p.budgeted),
      (p) => p.programName, (p) => p.waitingActual, (p) => p.waitingWhatIf);
    const changes = $('changes');
    changes.replaceChildren(el('h2', 'Warga yang mendapat atau kehilangan program'));
    if (r.changes === null || r.changes === undefined) {
      changes.appendChild(el('p', 'Daftar nama (disamarkan) hanya untuk koordinator.', 'note'));
    } else if (!r.changes.length) {
      changes.appendChild(el('p', 'Tidak ada.', 'note'));
    } else {
      changes.appendChild(table([{ title: 'No. rujukan', value: (c) => c.referralNumber },
        { title: 'Nama (disamarkan)', value: (c) => c.maskedName }, { title: 'Program', value: (c) => c.programName },
        { title: 'Perubahan', value: (c) => (c.change === 'DAPAT' ? 'Mendapat' : 'Kehilangan') }], r.changes));
    }
    const list = el('ul');
    r.assumptions.forEach((a) => list.appendChild(el('li', a)));
    $('assumptions').replaceChildren(el('h2', 'Asumsi'), list);
  }

  function topUpRow() {
    const row = el('div', null, 'topup');
    const field = (label, attrs) => {
      const l = el('label', label);
      const input = el('input');
      Object.entries(attrs).forEach(([k, v]) => input.setAttribute(k, v));
      l.appendChild(input);
      return l;
    };
    row.append(field('Kode program', { name: 'programCode', placeholder: 'BAZNAS_KONSUMTIF' }),
      field('Periode', { name: 'period', placeholder: '2026-11, 2026-Q4 atau 2026' }),
      field('Jumlah', { name: 'amount', type: 'number', min: '1' }));
    const remove = el('button', 'Hapus');
    remove.type = 'button';
    remove.addEventListener('click', () => row.remove());
    row.appendChild(remove);
    $('topUpRows').appendChild(row);
  }

  async function run() {
    const topUps = [...document.querySelectorAll('#topUpRows .topup')].map((row) => ({
      programCode: row.querySelector('[name=programCode]').value.trim(),
      period: row.querySelector('[name=period]').value.trim(),
      amount: row.querySelector('[name=amount]').value === '' ? null : Number(row.querySelector('[name=amount]').value)
    })).filter((t) => t.programCode || t.period || t.amount !== null);
    const headers = { 'Content-Type': 'application/json' };
    if (!credentials) headers['X-XSRF-TOKEN'] = await sessionToken();
    return json('/api/simulations', { method: 'POST', headers,
      body: JSON.stringify({ from: $('from').value, to: $('to').value, topUps }) });
  }

  async function opened() {
    const id = new URLSearchParams(location.search).get('id');
    if (id) show(await json('/api/simulations/' + encodeURIComponent(id)));
  }

  function ready(how) {
    $('checking').hidden = true;
    $('login').hidden = true;
    $('page').hidden = false;
    $('signedIn').textContent = how;
  }

  $('addTopUp').addEventListener('click', topUpRow);
  $('run').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('runError').textContent = 'Menghitung...';
    try {
      show(await run());
      $('runError').textContent = '';
    } catch (e) {
      $('runError').textContent = e.message;
    }
  });
  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    credentials = btoa(unescape(encodeURIComponent($('user').value + ':' + $('password').value)));
    $('password').value = '';
    try {
      await opened();
      ready('Masuk dengan akun ' + $('user').value + ' (hanya untuk halaman ini).');
    } catch (e) {
      if (e.status === 401) credentials = null;
      $('loginError').textContent = e.message;
    }
  });

  async function start() {
    try {
      await sessionToken();
      ready('Masuk dengan sesi Tasklist.');
      await opened().catch((e) => { $('runError').textContent = e.message; });
    } catch (e) {
      $('checking').hidden = true;
      $('login').hidden = false;
      if (e.status !== 401) $('loginError').textContent = e.message;
    }
  }

  start();
}());
