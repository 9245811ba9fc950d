/*
 * Rujukan: the staff's desk around Tasklist's own screens, loaded through `customScripts` in config.js.
 *
 * - A "Cari kasus" link in the header, to the case page and search (/kasus/).
 * - Beside the open task: a link to its case page, and, for a task another organisation works on (the koordinator
 *   watching partners' tasks), no Claim button but whose task it is: GET /api/tasks/{id}/case answers both.
 * - A task's priority as a word ("Mendesak", "Biasa") instead of the engine's number (80, 50: referral.bpmn).
 * - No "x" to remove a due date: the service level sets it and the server refuses its removal (sla.DueDateGuard).
 * - After a start form, the number the case was given and a link to its case page, until the user closes it.
 *
 * The domain API signs these reads in with the Tasklist session (security.ApiAuthentication). docs/user-guide.md shows
 * them; it.TasklistIT checks them in Debian's chromium.
 */
const PRIORITY_WORDS = [[80, 'Mendesak'], [0, 'Biasa']];

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (cls) {
    node.className = cls;
  }
  return node;
}

function caseLink(number, text) {
  const link = el('a', text || 'Buka halaman kasus ' + number);
  link.href = '/kasus/?nomor=' + encodeURIComponent(number);
  link.target = '_blank';
  link.rel = 'noopener';
  return link;
}

async function read(path) {
  const answer = await fetch(path, {
    credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  return answer.ok ? answer.json() : null;
}

// ---- the header ----------------------------------------------------------------------------------------------

function addHeaderLink() {
  const menu = document.querySelector('nav.cam-nav.app-menu > ul');
  if (!menu || !menu.querySelector('li.account') || menu.querySelector('li.rujukan-search')) {
    return;
  }
  const item = el('li', null, 'rujukan-search');
  const link = el('a', 'Cari kasus');
  link.href = '/kasus/';
  link.target = '_blank';
  link.rel = 'noopener';
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

// ---- priorities in the list and the task ----------------------------------------------------------------------

function priorityWords() {
  document.querySelectorAll('.tasks-list .priority, .task-card .priority').forEach((node) => {
    const text = node.textContent.trim();
    if (/^\d+$/.test(text)) {
      const value = Number(text);
      node.textContent = PRIORITY_WORDS.find(([from]) => value >= from)[1];
      node.setAttribute('data-priority', text);
      node.title = 'Prioritas ' + text;
    }
  });
}

// ---- the open task's case and who works on it ------------------------------------------------------------------

let shownTask = null;
let loading = null;

function currentTaskId() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

async function describeTask() {
  const taskId = currentTaskId();
  const names = document.querySelector('section.task-card header .names');
  if (!taskId || !names) {
    return;
  }
  if (shownTask === taskId && names.querySelector('.rujukan-task-case')) {
    applyClaim(names.dataset.rujukanMayClaim === 'true');
    return;
  }
  if (loading === taskId) {
    return;
  }
  loading = taskId;
  shownTask = taskId;
  const about = await read('/api/tasks/' + encodeURIComponent(taskId) + '/case').finally(() => { loading = null; });
  if (!about || currentTaskId() !== taskId) {
    return;
  }
  names.querySelectorAll('.rujukan-task-case').forEach((n) => n.remove());
  const box = el('div', null, 'rujukan-task-case');
  if (about.referralNumber) {
    box.appendChild(caseLink(about.referralNumber));
  }
  if (!about.ours && about.workedBy.length) {
    box.appendChild(el('p', 'Tugas ini dikerjakan oleh ' + about.workedBy.join(', ')
      + '; Anda hanya dapat melihatnya.', 'rujukan-read-only'));
  }
  names.dataset.rujukanMayClaim = String(about.mayClaim);
  names.appendChild(box);
  applyClaim(about.mayClaim);
}

// a due date is the service level's: nobody removes it (sla.DueDateGuard refuses), so the "x" is not offered
function hideDueDateRemoval() {
  document.querySelectorAll('a.reset-due-date').forEach((link) => {
    link.style.display = 'none';
  });
}

function applyClaim(mayClaim) {
  document.querySelectorAll('section.task-card button.claim').forEach((button) => {
    button.hidden = !mayClaim;
    button.style.display = mayClaim ? '' : 'none';
  });
}

// ---- the number a start form gave ---------------------------------------------------------------------------

function showStarted(number) {
  document.querySelectorAll('.rujukan-started').forEach((n) => n.remove());
  const notice = el('div', null, 'rujukan-started');
  notice.setAttribute('role', 'status');
  notice.appendChild(el('strong', 'Tercatat dengan nomor rujukan '));
  notice.appendChild(el('span', number, 'rujukan-started-number'));
  notice.appendChild(document.createTextNode(' · '));
  notice.appendChild(caseLink(number, 'Buka halaman kasus'));
  const close = el('button', '×', 'close');
  close.type = 'button';
  close.title = 'Tutup';
  close.addEventListener('click', () => notice.remove());
  notice.appendChild(close);
  Object.assign(notice.style, {
    position: 'fixed', top: '4rem', right: '1rem', zIndex: 2000, background: '#e3f4e5', border: '1px solid #4a8a55',
    padding: '.6rem 1rem', borderRadius: '.3rem', maxWidth: '32rem'
  });
  document.body.appendChild(notice);
}

const send = XMLHttpRequest.prototype.send;
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.rujukanStart = method === 'POST' && /\/process-definition\/[^/]+\/submit-form$/.test(String(url).split('?')[0]);
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (...args) {
  if (this.rujukanStart) {
    this.addEventListener('load', () => {
      if (this.status !== 200) {
        return;
      }
      try {
        const started = JSON.parse(this.responseText);
        if (started.businessKey && /^RJK-/.test(started.businessKey)) {
          showStarted(started.businessKey);
        }
      } catch (e) {
        // not the answer we know: nothing to show
      }
    });
  }
  return send.apply(this, args);
};

// ---- keeping up with Tasklist's own renders ------------------------------------------------------------------

let pending = false;
new MutationObserver(() => {
  if (pending) {
    return;
  }
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    addHeaderLink();
    priorityWords();
    hideDueDateRemoval();
    describeTask();
  });
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
window.addEventListener('hashchange', describeTask);

// a marker the browser test and staff's developer tools can check
window.rujukanDesk = true;
