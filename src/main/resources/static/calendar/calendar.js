// The working calendar page: signs in like the board (HTTP Basic with the engine account, kept in memory only; no
// cookie, so no cross-site request can use it), lists a year's days off from /api/calendar/{year}, and lets an
// administrator add, change or remove one. Data goes into the page as text only.
(function () {
  'use strict';
  let credentials = null;
  const $ = (id) => document.getElementById(id);
  const KINDS = { HOLIDAY: 'Hari libur nasional', CUTI_BERSAMA: 'Cuti bersama' };

  const el = (tag, text) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };

  async function call(method, path, body) {
    const headers = { Authorization: 'Basic ' + credentials, 'X-Requested-With': 'XMLHttpRequest' };
    if (body) headers['Content-Type'] = 'application/json';
    const answer = await fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined });
    if (answer.status === 401) throw new Error('Nama pengguna atau kata sandi salah');
    const data = await answer.json().catch(() => ({}));
    if (!answer.ok) throw new Error(data.detail || data.message || 'Permintaan gagal (' + answer.status + ')');
    return data;
  }

  function show(text) {
    $('message').textContent = text;
  }

  async function load() {
    const data = await call('GET', '/api/calendar/' + encodeURIComponent($('year').value));
    $('count').textContent = data.daysOff + ' hari libur';
    const table = el('table');
    const head = el('tr');
    ['Tanggal', 'Hari', 'Jenis', 'Nama', 'Sumber', 'Diubah oleh', ''].forEach((t) => head.appendChild(el('th', t)));
    table.appendChild(head);
    data.days.forEach((day) => {
      const row = el('tr');
      const weekday = new Date(day.date + 'T00:00:00').toLocaleDateString('id-ID', { weekday: 'long' });
      [day.date, weekday, KINDS[day.kind] || day.kind, day.name, day.source || '-', day.changedBy]
        .forEach((v) => row.appendChild(el('td', v)));
      const cell = el('td');
      const remove = el('button', 'Hapus');
      remove.type = 'button';
      remove.addEventListener('click', () => change('DELETE', day.date, null,
        'Hapus ' + day.date + ' (' + day.name + ') dari kalender kerja?'));
      cell.appendChild(remove);
      row.appendChild(cell);
      table.appendChild(row);
    });
    $('days').replaceChildren(table);
  }

  async function change(method, date, body, question) {
    if (question && !window.confirm(question)) return;
    try {
      const result = await call(method, '/api/calendar/holidays/' + encodeURIComponent(date), body);
      show('Tersimpan. Batas waktu yang disesuaikan: ' + result.tasksMoved + ' tugas, ' + result.timersMoved + ' timer.');
      await load();
    } catch (e) {
      show(e.message);
    }
  }

  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    credentials = btoa(unescape(encodeURIComponent($('user').value + ':' + $('password').value)));
    $('year').value = new Date().getFullYear();
    try {
      await load();
      $('login').hidden = true;
      $('calendar').hidden = false;
    } catch (e) {
      credentials = null;
      $('loginError').textContent = e.message;
    }
  });

  $('yearForm').addEventListener('submit', (event) => {
    event.preventDefault();
    load().catch((e) => show(e.message));
  });

  $('add').addEventListener('submit', (event) => {
    event.preventDefault();
    change('PUT', $('date').value, { kind: $('kind').value, name: $('name').value, source: $('source').value });
  });
}());
