// The manager's board: reads /api/board with the Tasklist session when the user signed in there (GET only, the one
// request of /api a session may make), else signs in with the user's engine account (HTTP Basic, kept in memory
// only); draws every table with a bar chart where a chart reads faster. Data goes into the page as text only. The
// board is one Puskesos's: the user's own, or the one named by ?puskesos=<kelurahan code> (the city SLRT, from the
// city's view kota.html).
(function () {
  'use strict';
  let credentials = null;
  const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober',
    'November', 'Desember'];
  const WIB = { timeZone: 'Asia/Jakarta' };
  const PUSKESOS = new URLSearchParams(window.location.search).get('puskesos');

  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  };

  // the month and year choices in Indonesian (no <input type=month>, whose names follow the browser's language)
  function periodControls() {
    const now = new Date();
    const year = now.getFullYear();
    ['fromMonth', 'toMonth'].forEach((id) => MONTHS.forEach((name, i) => {
      const option = el('option', name);
      option.value = String(i + 1).padStart(2, '0');
      $(id).appendChild(option);
    }));
    ['fromYear', 'toYear'].forEach((id) => {
      for (let y = year - 5; y <= year; y++) {
        const option = el('option', y);
        option.value = String(y);
        $(id).appendChild(option);
      }
    });
    const from = new Date(year, now.getMonth() - 5, 1);
    $('fromMonth').value = String(from.getMonth() + 1).padStart(2, '0');
    $('fromYear').value = String(from.getFullYear());
    $('toMonth').value = String(now.getMonth() + 1).padStart(2, '0');
    $('toYear').value = String(year);
  }

  const chosen = (which) => $(which + 'Year').value + '-' + $(which + 'Month').value;

  // "2026-07" as "Juli 2026"
  const monthName = (yearMonth) => MONTHS[Number(yearMonth.slice(5, 7)) - 1] + ' ' + yearMonth.slice(0, 4);

  const when = (at) => new Date(at).toLocaleString('id-ID', { ...WIB, dateStyle: 'full', timeStyle: 'short' }) + ' WIB';

  class Refusal extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function load() {
    if (chosen('from') > chosen('to')) throw new Refusal(400, 'Bulan awal harus sebelum atau sama dengan bulan akhir.');
    const query = '?from=' + encodeURIComponent(chosen('from')) + '&to=' + encodeURIComponent(chosen('to'))
      + (PUSKESOS ? '&puskesos=' + encodeURIComponent(PUSKESOS) : '');
    const headers = { 'X-Requested-With': 'XMLHttpRequest' };
    if (credentials) headers.Authorization = 'Basic ' + credentials;
    const answer = await fetch('/api/board' + query, { headers, credentials: 'same-origin' });
    if (answer.status === 401 || answer.status === 403) {
      const body = answer.status === 403 ? await answer.json() : { message: 'Nama pengguna atau kata sandi salah' };
      throw new Refusal(answer.status, body.message || 'Tidak berhak');
    }
    if (answer.status === 400) {
      const body = await answer.json();
      throw new Refusal(400, body.message || 'Papan tidak dapat dimuat (400)');
    }
    if (!answer.ok) throw new Refusal(answer.status, 'Papan tidak dapat dimuat (' + answer.status + ')');
    return answer.json();
  }

  function csv(rows, columns) {
    const escape = (v) => '"' + String(v === null || v === undefined ? '' : v).replace(/"/g, '""') + '"';
    return [columns.map((c) => escape(c.title)).join(',')]
      .concat(rows.map((r) => columns.map((c) => escape(c.value(r))).join(','))).join('\n');
  }

  function download(name, text) {
    const link = el('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    link.download = name;
    link.click();
  }

  function table(rows, columns) {
    const t = el('table');
    const head = el('tr');
    columns.forEach((c) => head.appendChild(el('th', c.title)));
    t.appendChild(head);
    rows.forEach((r) => {
      const tr = el('tr');
      columns.forEach((c) => {
        const value = c.value(r);
        const cls = [c.numeric ? 'n' : null, c.cls ? c.cls(r) : null].filter((x) => x).join(' ');
        const cell = el('td', null, cls || null);
        if (c.link) {
          const a = el('a', value);
          a.href = c.link(r);
          cell.appendChild(a);
        } else {
          cell.textContent = value === null || value === undefined ? '-' : String(value);
        }
        tr.appendChild(cell);
      });
      t.appendChild(tr);
    });
    return t;
  }

  function bars(rows, label, value) {
    const ns = 'http://www.w3.org/2000/svg';
    const max = Math.max(1, ...rows.map(value));
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '640');
    svg.setAttribute('height', String(rows.length * 24 + 4));
    rows.forEach((r, i) => {
      const text = document.createElementNS(ns, 'text');
      text.setAttribute('x', '0');
      text.setAttribute('y', String(i * 24 + 16));
      text.textContent = label(r);
      const bar = document.createElementNS(ns, 'rect');
      bar.setAttribute('x', '230');
      bar.setAttribute('y', String(i * 24 + 4));
      bar.setAttribute('height', '16');
      bar.setAttribute('width', String(Math.round(380 * value(r) / max)));
      bar.setAttribute('fill', '#2f6f9f');
      const n = document.createElementNS(ns, 'text');
      n.setAttribute('x', String(236 + Math.round(380 * value(r) / max)));
      n.setAttribute('y', String(i * 24 + 16));
      n.textContent = String(value(r));
      svg.append(text, bar, n);
    });
    return svg;
  }

  function section(id, title, rows, columns, chart, notes) {
    const s = $(id);
    s.replaceChildren();
    const h = el('h2', title);
    const button = el('button', 'Unduh CSV', 'csv');
    button.type = 'button';
    button.addEventListener('click', () => download(id + '.csv', csv(rows, columns)));
    h.appendChild(button);
    s.appendChild(h);
    (notes || []).filter((t) => t).forEach((t) => s.appendChild(el('p', t, 'note')));
    if (rows.length === 0) {
      s.appendChild(el('p', 'Tidak ada data.'));
      return;
    }
    if (chart) s.appendChild(chart);
    s.appendChild(table(rows, columns));
  }

  // shares (0 to 1) the Indonesian way: 0.385 is "38,5%"
  const percent = (share) => (share === null || share === undefined ? '-'
    : (Math.round(share * 1000) / 10).toLocaleString('id-ID') + '%');
  const decimal = (n) => (n === null || n === undefined ? '-' : n.toLocaleString('id-ID'));
  const bar = (share) => (share === null || share === undefined ? 0 : Math.round(share * 1000) / 10);

  // the columns of a group of cases received: both rates and the residents' follow-up answers beside them
  function rateColumns(title, label) {
    return [{ title, value: label },
      { title: 'Diterima', value: (r) => r.received, numeric: true },
      { title: 'Dirujuk', value: (r) => r.referred, numeric: true },
      { title: 'Terfasilitasi', value: (r) => r.facilitated, numeric: true },
      { title: 'Tingkat (ukuran studi)', value: (r) => percent(r.rate), numeric: true },
      { title: 'Tingkat dari yang dirujuk', value: (r) => percent(r.referredRate), numeric: true },
      { title: 'Menjawab tindak lanjut', value: (r) => r.followUps.answered, numeric: true },
      { title: 'Bantuan membantu', value: (r) => percent(r.followUps.helpedShare), numeric: true },
      { title: 'Diterima tetapi tidak membantu', value: (r) => r.followUps.receivedButNotHelped, numeric: true },
      { title: 'Kepuasan (1-5)', value: (r) => decimal(r.followUps.averageSatisfaction), numeric: true }];
  }

  function followUps(u) {
    if (u.answered === 0) return 'Belum ada jawaban tindak lanjut dari warga kasus-kasus ini.';
    return 'Tindak lanjut: ' + u.answered + ' warga menjawab; bantuan membantu ' + u.helped + ', membantu sebagian '
      + u.helpedPartly + ', tidak membantu ' + u.notHelped + ' (membantu: ' + percent(u.helpedShare) + '); '
      + u.receivedButNotHelped + ' menerima bantuan tetapi tidak terbantu; kepuasan rata-rata '
      + decimal(u.averageSatisfaction) + ' dari 5.';
  }

  function days(d) {
    const text = d.cases === 0 ? 'Belum ada kasus terfasilitasi dengan penyerahan tercatat.'
      : 'Hari dari pengaduan sampai bantuan pertama (' + d.cases + ' kasus terfasilitasi): median ' + decimal(d.median)
        + ', rata-rata ' + decimal(d.average) + ', persentil 90 ' + d.p90 + '.';
    return d.dateErrors === 0 ? text : text + ' ' + d.dateErrors
      + ' kasus tidak dihitung karena penyerahannya tercatat sebelum hari pengaduan (kesalahan data).';
  }

  function drawFacilitation(f) {
    const d = f.definitions;
    const all = f.overall;
    section('facilitation', 'Tingkat fasilitasi', [all], rateColumns('Periode', () => 'Semua kasus'), null, [
      all.received + ' pengaduan diterima; ' + all.facilitated + ' terfasilitasi (' + percent(all.rate) + '); '
        + all.facilitatedReferred + ' dari ' + all.referred + ' kasus yang dirujuk ke mitra terfasilitasi ('
        + percent(all.referredRate) + '). Kajian mencatat 3 sampai 5 dari 10 usulan warga terfasilitasi.',
      followUps(all.followUps), days(f.daysToFirstAidOverall),
      'Arti setiap tingkat: lihat "Arti angka-angka" di bawah.']);
    section('facilitationByMonth', 'Tingkat fasilitasi per bulan masuk', f.byMonth,
      rateColumns('Bulan', (r) => monthName(r.month)),
      bars(f.byMonth, (r) => monthName(r.month) + ' (ukuran studi, %)', (r) => bar(r.rate)));
    section('facilitationByPartner', 'Tingkat fasilitasi per mitra', f.byPartner, [
      { title: 'Mitra', value: (r) => r.label }, { title: 'Dirujuk', value: (r) => r.referred, numeric: true },
      { title: 'Terfasilitasi', value: (r) => r.facilitated, numeric: true },
      { title: 'Tingkat', value: (r) => percent(r.rate), numeric: true },
      { title: 'Bantuan membantu', value: (r) => percent(r.followUps.helpedShare), numeric: true },
      { title: 'Kepuasan (1-5)', value: (r) => decimal(r.followUps.averageSatisfaction), numeric: true }],
      bars(f.byPartner, (r) => r.label + ' (%)', (r) => bar(r.rate)), [explained(d.perPartner)]);
    section('facilitationByNeed', 'Tingkat fasilitasi per kebutuhan', f.byNeed,
      rateColumns('Kebutuhan', (r) => r.label), bars(f.byNeed, (r) => r.label + ' (ukuran studi, %)', (r) => bar(r.rate)),
      [explained(d.perNeed)]);
    // each definition is "Term: explanation" (distribution.FacilitationFigures, the one source of the rates)
    const list = $('rateDefinitions');
    list.replaceChildren();
    [d.studyRate, d.referredRate, d.facilitated, d.perPartner, d.perNeed, d.followUps, d.daysToFirstAid]
      .forEach((text) => {
        const colon = text.indexOf(': ');
        list.append(el('dt', colon < 0 ? text : text.slice(0, colon)), el('dd', colon < 0 ? '' : text.slice(colon + 2)));
      });
  }

  const explained = (definition) => definition.slice(definition.indexOf(': ') + 2);

  // the open tasks per stage or partner by state: coloured cells, each colour named by its column and the "Keadaan"
  const STATES = [['LATE', 'late'], ['DUE_TODAY', 'dueToday'], ['AT_RISK', 'atRisk'], ['ON_TIME', 'onTime']];

  function stateColumns(title, labels) {
    const worst = (r) => STATES.find(([, field]) => r[field] > 0) || STATES[3];
    return [{ title, value: (r) => r.label },
      { title: 'Keadaan', value: (r) => labels[worst(r)[0]], cls: (r) => 'state-' + worst(r)[0] }]
      .concat(STATES.map(([key, field]) => ({ title: labels[key], value: (r) => r[field], numeric: true,
        cls: (r) => (r[field] > 0 ? 'state-' + key : null) })))
      .concat([{ title: 'Jumlah', value: (r) => STATES.reduce((n, [, field]) => n + r[field], 0), numeric: true }]);
  }

  function drawStates(b) {
    const s = b.dueStates;
    const labels = {};
    $('states').replaceChildren();
    s.states.forEach((state) => {
      labels[state.key] = state.label;
      const item = el('li');
      item.append(el('span', state.label, 'swatch state-' + state.key), el('span', state.definition));
      $('states').appendChild(item);
    });
    $('window').textContent = 'Keadaan tugas per ' + when(s.window.at) + '. Jatuh tempo hari ini: sampai pukul 24.00 WIB'
      + ' hari itu; berisiko: sampai ' + when(s.window.atRiskUntil)
      + '. Setiap tugas dihitung sekali, pada keadaannya yang paling mendesak.';
    const late = (rows) => bars(rows, (r) => r.label, (r) => r.late);
    const chart = 'Grafik: jumlah tugas terlambat.';
    section('overdueByStage', 'Tugas terbuka per tahap: terlambat, jatuh tempo hari ini, berisiko', s.byStage,
      stateColumns('Tahap', labels), late(s.byStage), [chart]);
    section('overdueByPartner', 'Tugas terbuka per mitra: terlambat, jatuh tempo hari ini, berisiko', s.byPartner,
      stateColumns('Mitra', labels), late(s.byPartner), [chart,
        'Per mitra: tugas yang ditawarkan ke kelompok mitra itu; Puskesos: tugas yang tidak ditawarkan ke mitra mana pun.']);
  }

  function draw(b) {
    $('stamp').textContent = 'Data per ' + when(b.at);
    const p = b.puskesos;
    $('puskesosName').textContent = 'Puskesos ' + p.name + ', Kecamatan ' + p.kecamatan + ', Kota Bandung (kode kelurahan '
      + p.tenantId + ')';
    document.title = 'Papan Layanan Rujukan - Puskesos ' + p.name;
    const count = [{ title: 'Tahap', value: (r) => r.label }, { title: 'Jumlah', value: (r) => r.count, numeric: true }];
    section('openCases', 'Kasus terbuka per tahap', b.openCasesByStage, count,
      bars(b.openCasesByStage, (r) => r.label, (r) => r.count));
    drawStates(b);
    section('timePerStage', 'Waktu per tahap (jam)', b.timePerStage, [
      { title: 'Tahap', value: (r) => r.label }, { title: 'Kasus', value: (r) => r.cases, numeric: true },
      { title: 'Median', value: (r) => r.medianHours, numeric: true },
      { title: 'Persentil 90', value: (r) => r.p90Hours, numeric: true }],
      bars(b.timePerStage, (r) => r.label + ' (median)', (r) => r.medianHours),
      [b.stageDataErrors === 0 ? null : b.stageDataErrors
        + ' tahap dengan urutan waktu terbalik tidak dihitung (kesalahan data).']);
    drawFacilitation(b.facilitation);
    section('waiting', 'Daftar tunggu anggaran per program', b.waitingLists, [
      { title: 'Program', value: (r) => r.name }, { title: 'Kasus', value: (r) => r.cases, numeric: true },
      { title: 'Jumlah diminta', value: (r) => r.amount + ' ' + r.unit, numeric: true }],
      bars(b.waitingLists, (r) => r.name, (r) => r.cases));
    section('oldest', 'Sepuluh tugas terlambat tertua', b.oldestOverdue, [
      { title: 'No. rujukan', value: (r) => r.referralNumber }, { title: 'Tugas', value: (r) => r.task },
      { title: 'Kelompok', value: (r) => r.group },
      { title: 'Jatuh tempo', value: (r) => when(r.due) },
      { title: 'Terlambat (hari)', value: (r) => r.daysLate, numeric: true },
      { title: 'Tasklist', value: () => 'Buka di Tasklist', link: (r) => r.tasklistUrl }]);
  }

  function show(board, how) {
    draw(board);
    $('checking').hidden = true;
    $('loginError').textContent = '';
    $('login').hidden = true;
    $('board').hidden = false;
    $('signedIn').textContent = how;
  }

  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    credentials = btoa(unescape(encodeURIComponent($('user').value + ':' + $('password').value)));
    $('password').value = '';
    try {
      show(await load(), 'Masuk dengan akun ' + $('user').value + ' (hanya untuk halaman ini).');
    } catch (e) {
      credentials = null;
      $('loginError').textContent = e.message;
    }
  });

  $('period').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      draw(await load());
    } catch (e) {
      $('stamp').textContent = e.message;
    }
  });

  // signed in to Tasklist already? Then the session reads the board; otherwise the sign-in form
  async function start() {
    periodControls();
    try {
      show(await load(), 'Masuk dengan sesi Tasklist.');
    } catch (e) {
      $('checking').hidden = true;
      $('login').hidden = false;
      if (e.status === 400) {
        // a user of several Puskesos (the city SLRT) chooses one on the city's view
        $('loginError').textContent = e.message + '. Pilih Puskesos di papan kota: ';
        const link = el('a', 'buka papan kota');
        link.href = 'kota.html';
        $('loginError').appendChild(link);
      } else if (e.status === 403) {
        $('loginError').textContent = 'Akun yang masuk di Tasklist tidak dapat membuka papan ini (' + e.message
          + '). Masuk dengan akun manajer atau koordinator.';
      } else if (e.status !== 401) {
        $('loginError').textContent = e.message;
      }
    }
  }

  start();
}());
