// The partners page: signs in like the board (HTTP Basic with the engine account, kept in memory only; no cookie, so
// no cross-site request can use it), lists the partners from /api/partners with what each has in place, onboards a
// partner with its first program in one request, and deactivates one. Data goes into the page as text only.
(function () {
  'use strict';
  let credentials = null;
  const $ = (id) => document.getElementById(id);
  const OUTCOMES = { DIBUAT: 'dibuat', SUDAH_ADA: 'sudah ada', DIAKTIFKAN_KEMBALI: 'diaktifkan kembali' };

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
    if (!answer.ok) {
      const error = new Error(data.detail || data.message || 'Permintaan gagal (' + answer.status + ')');
      error.errors = data.errors || [];
      throw error;
    }
    return data;
  }

  function show(text, errors) {
    $('message').textContent = text;
    $('problems').replaceChildren(...(errors || []).map((e) => el('li', e.message)));
  }

  async function load() {
    const partners = await call('GET', '/api/partners');
    const table = el('table');
    const head = el('tr');
    ['Kode', 'Nama', 'Kelompok', 'Pemerintah', 'Petugas', 'Program', 'Status', ''].forEach((t) => head.appendChild(el('th', t)));
    table.appendChild(head);
    partners.forEach((s) => {
      const p = s.partner;
      const row = el('tr');
      row.dataset.code = p.code;
      [p.code, p.name, p.group + (s.groupExists ? '' : ' (belum ada)'), p.government ? 'ya' : 'tidak', s.staff,
        s.programs.map((x) => x.code).join(', ') || '-', p.active ? 'aktif' : 'nonaktif']
        .forEach((v) => row.appendChild(el('td', v)));
      const cell = el('td');
      if (p.active) {
        const off = el('button', 'Nonaktifkan');
        off.type = 'button';
        off.addEventListener('click', () => deactivate(p));
        cell.appendChild(off);
      }
      row.appendChild(cell);
      table.appendChild(row);
    });
    $('list').replaceChildren(table);
  }

  async function deactivate(partner) {
    const reason = window.prompt('Alasan menonaktifkan ' + partner.name + ' (rujukan baru tidak lagi dikirim; '
      + 'pekerjaan yang sudah ada tetap terlihat oleh petugasnya):');
    if (reason === null) return;
    try {
      await call('POST', '/api/partners/' + encodeURIComponent(partner.code) + '/deactivation', { reason: reason });
      show(partner.name + ' dinonaktifkan.');
      await load();
    } catch (e) {
      show(e.message, e.errors);
    }
  }

  function number(id) {
    return $(id).value === '' ? null : Number($(id).value);
  }

  $('add').addEventListener('submit', async (event) => {
    event.preventDefault();
    const programs = [];
    if ($('programCode').value) {
      programs.push({
        code: $('programCode').value.trim(), name: $('programName').value, aidKind: $('aidKind').value,
        unit: $('unit').value || null, defaultAmount: number('defaultAmount'), budgetPeriod: $('budgetPeriod').value,
        requiresDtks: false, kind: 'SERVICE', firstBudget: number('firstBudget'),
      });
    }
    try {
      const result = await call('POST', '/api/partners', {
        code: $('code').value.trim(), name: $('name').value, group: $('group').value.trim(),
        government: $('government').checked, programs: programs,
      });
      show('Mitra ' + result.partner.name + ' siap. Tambahkan petugasnya ke kelompok ' + result.partner.group
        + ' di Camunda Admin, lalu tambahkan baris programnya di tabel kelayakan (docs/partners.md).');
      const list = el('ul');
      list.id = 'stepList';
      result.steps.forEach((s) => list.appendChild(el('li', s.part + ': ' + (OUTCOMES[s.outcome] || s.outcome))));
      $('steps').replaceChildren(list);
      await load();
    } catch (e) {
      show(e.message, e.errors);
    }
  });

  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    credentials = btoa(unescape(encodeURIComponent($('user').value + ':' + $('password').value)));
    try {
      await load();
      $('login').hidden = true;
      $('partners').hidden = false;
    } catch (e) {
      credentials = null;
      $('loginError').textContent = e.message;
    }
  });
}());
