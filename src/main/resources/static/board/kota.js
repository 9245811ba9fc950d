// The city's view: every Puskesos side by side (GET /api/board/city, with the Tasklist session or HTTP Basic kept in
// memory only), sortable by any column, the best per figure named. Data goes into the page as text only.
(function () {
  'use strict';
  let credentials = null;
  let city = null;
  let sortKey = 'name';
  let ascending = true;
  const WIB = { timeZone: 'Asia/Jakarta' };
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  };
  const when = (at) => new Date(at).toLocaleString('id-ID', { ...WIB, dateStyle: 'full', timeStyle: 'short' }) + ' WIB';
  const percent = (share) => (share === null || share === undefined ? '-'
    : (Math.round(share * 1000) / 10).toLocaleString('id-ID') + '%');
  const hours = (n) => (n === null || n === undefined ? '-' : n.toLocaleString('id-ID'));

  // a column's value for sorting (numbers; missing last) and as printed
  function value(row, key) {
    if (key === 'name') return row.name;
    if (key === 'kecamatan') return row.kecamatan;
    if (key.startsWith('median:')) {
      const v = row.medianHours[key.slice(7)];
      return v === undefined ? null : v;
    }
    return row[key] === undefined ? null : row[key];
  }

  function printed(row, key) {
    const v = value(row, key);
    if (key.endsWith('Rate')) return percent(v);
    if (key.startsWith('median:')) return hours(v);
    return v === null ? '-' : String(v);
  }

  function columns() {
    return [{ key: 'name', label: 'Puskesos' }, { key: 'kecamatan', label: 'Kecamatan' }].concat(city.columns);
  }

  class Refusal extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function load() {
    const from = $('from').value;
    const to = $('to').value;
    const query = from && to ? '?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to) : '';
    const headers = { 'X-Requested-With': 'XMLHttpRequest' };
    if (credentials) headers.Authorization = 'Basic ' + credentials;
    const answer = await fetch('/api/board/city' + query, { headers, credentials: 'same-origin' });
    if (answer.status === 401) throw new Refusal(401, 'Nama pengguna atau kata sandi salah');
    if (answer.status === 403 || answer.status === 400) {
      const body = await answer.json();
      throw new Refusal(answer.status, body.message || 'Tidak berhak');
    }
    if (!answer.ok) throw new Refusal(answer.status, 'Papan kota tidak dapat dimuat (' + answer.status + ')');
    return answer.json();
  }

  function bestOf() {
    const best = {};
    city.best.forEach((b) => { best[b.key] = new Set(b.tenantIds); });
    return best;
  }

  function drawTable() {
    const best = bestOf();
    const rows = city.puskesos.slice().sort((a, b) => {
      const x = value(a, sortKey);
      const y = value(b, sortKey);
      if (x === y) return a.name.localeCompare(b.name, 'id');
      if (x === null) return 1;
      if (y === null) return -1;
      const order = typeof x === 'string' ? x.localeCompare(y, 'id') : x - y;
      return ascending ? order : -order;
    });
    const t = $('table');
    t.replaceChildren();
    const head = el('tr');
    columns().forEach((c) => {
      const th = el('th');
      th.setAttribute('aria-sort', c.key === sortKey ? (ascending ? 'ascending' : 'descending') : 'none');
      const button = el('button', c.label + (c.key === sortKey ? (ascending ? ' (naik)' : ' (turun)') : ''), 'sort');
      button.type = 'button';
      button.addEventListener('click', () => {
        ascending = c.key === sortKey ? !ascending : true;
        sortKey = c.key;
        drawTable();
      });
      th.appendChild(button);
      head.appendChild(th);
    });
    t.appendChild(head);
    rows.forEach((r) => {
      const tr = el('tr');
      columns().forEach((c) => {
        const cell = el('td', null, c.key === 'name' || c.key === 'kecamatan' ? null : 'n');
        if (c.key === 'name') {
          const a = el('a', r.name);
          a.href = './?puskesos=' + encodeURIComponent(r.tenantId);
          cell.appendChild(a);
        } else {
          cell.textContent = printed(r, c.key);
          if (c.key === 'lateTasks' && r.lateTasks > 0) {
            cell.classList.add('state-LATE');
            cell.textContent += ' terlambat';
          } else if (c.key === 'dueToday' && r.dueToday > 0) {
            cell.classList.add('state-DUE_TODAY');
            cell.textContent += ' hari ini';
          }
          if (best[c.key] && best[c.key].has(r.tenantId)) cell.appendChild(el('span', 'terbaik', 'best'));
        }
        tr.appendChild(cell);
      });
      t.appendChild(tr);
    });
  }

  function draw(c) {
    city = c;
    $('from').value = c.from;
    $('to').value = c.to;
    $('stamp').textContent = 'Data per ' + when(c.at) + '; kasus yang diterima ' + c.from + ' sampai ' + c.to;
    $('best').replaceChildren();
    c.best.forEach((b) => {
      const shown = b.key.endsWith('Rate') ? percent(b.value) : b.key.startsWith('median:') ? hours(b.value) + ' jam'
        : b.value;
      const names = b.names.length === 0 ? 'belum ada yang dapat dibandingkan'
        : b.names.slice(0, 5).join(', ') + (b.names.length > 5 ? ' dan ' + (b.names.length - 5) + ' lainnya' : '')
          + ' (' + shown + ')';
      $('best').appendChild(el('li', b.label + ': ' + names));
    });
    drawTable();
    $('cityWork').textContent = 'Pekerjaan kota tanpa Puskesos (registri, perubahan model): ' + c.cityWork.lateTasks
      + ' tugas terlambat, ' + c.cityWork.dueToday + ' jatuh tempo hari ini.';
    $('definitions').replaceChildren();
    c.columns.forEach((col) => $('definitions').append(el('dt', col.label), el('dd', col.definition)));
  }

  function csv() {
    const escape = (v) => '"' + String(v === null || v === undefined ? '' : v).replace(/"/g, '""') + '"';
    const cols = [{ key: 'tenantId', label: 'Kode kelurahan' }].concat(columns());
    const lines = [cols.map((c) => escape(c.label)).join(',')].concat(city.puskesos.map((r) => cols
      .map((c) => escape(c.key === 'tenantId' ? r.tenantId : printed(r, c.key))).join(',')));
    const link = el('a');
    link.href = URL.createObjectURL(new Blob([lines.join('\n')], { type: 'text/csv' }));
    link.download = 'papan-kota.csv';
    link.click();
  }

  function show(c, how) {
    draw(c);
    $('checking').hidden = true;
    $('login').hidden = true;
    $('city').hidden = false;
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

  $('csv').addEventListener('click', csv);

  async function start() {
    try {
      show(await load(), 'Masuk dengan sesi Tasklist.');
    } catch (e) {
      $('checking').hidden = true;
      $('login').hidden = false;
      if (e.status === 403) {
        $('loginError').textContent = 'Akun yang masuk di Tasklist tidak dapat membuka papan kota (' + e.message
          + '). Masuk dengan akun SLRT kota atau administrator.';
      } else if (e.status !== 401) {
        $('loginError').textContent = e.message;
      }
    }
  }

  start();
}());
