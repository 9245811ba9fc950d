/*
 * Rujukan: a link "Papan layanan" in Tasklist's header, to the manager's board (/board/), for the users of the
 * manajer and koordinator groups, the ones the board is for; for the city SLRT (group slrt), who works for every
 * Puskesos, it leads to the city's view (/board/kota.html), whose rows open each Puskesos's board. The board reads its figures with this same Tasklist
 * session (GET /api/board accepts it; docs/security.md), so no second login is asked.
 *
 * Loaded through `customScripts` in config.js; its default export is a Tasklist plugin on the header's action list
 * (`tasklist.navbar.action`, where "Mulai proses" is), rendered once the user has signed in. It asks the webapp who
 * is signed in (`/api/admin/auth/user/{engine}`) and that user's groups (`/api/engine/engine/{engine}/identity/groups`,
 * which lists the groups the user is a member of), GETs only. Whoever is in neither group sees nothing; the board's
 * API checks the groups again anyway.
 *
 * docs/operations.md explains the board; it.TasklistIT follows the link as the manajer and looks for it as fo.
 */
const BOARD_GROUPS = ['manajer', 'koordinator', 'slrt'];
const CITY_GROUP = 'slrt';

function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

function engineName() {
  const match = /\/app\/tasklist\/([^/]+)\//.exec(window.location.pathname);
  return match ? match[1] : 'default';
}

async function json(path) {
  const answer = await fetch(appRoot() + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!answer.ok) {
    throw new Error(path + ': ' + answer.status);
  }
  return answer.json();
}

async function mayOpenTheBoard() {
  const engine = encodeURIComponent(engineName());
  const user = await json('/api/admin/auth/user/' + engine);
  if (!user || !user.userId) {
    return null;
  }
  const info = await json('/api/engine/engine/' + engine + '/identity/groups?userId=' + encodeURIComponent(user.userId));
  const groups = (info.groups || []).map((group) => group.id);
  if (!groups.some((group) => BOARD_GROUPS.includes(group))) {
    return null;
  }
  return groups.includes(CITY_GROUP) ? 'kota.html' : '';
}

export default {
  id: 'rujukan-board-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: (node) => {
    mayOpenTheBoard().then((page) => {
      if (page === null) {
        return;
      }
      const link = document.createElement('a');
      // the board is the application's own page, beside the webapps (/camunda -> /board/)
      const root = appRoot();
      link.href = root.slice(0, root.lastIndexOf('/')) + '/board/' + page;
      link.className = 'rujukan-board-link';
      link.textContent = 'Papan layanan';
      link.title = 'Papan layanan rujukan: kasus terbuka, tugas terlambat dan berisiko, tingkat fasilitasi';
      node.appendChild(link);
    }).catch((error) => console.warn('Rujukan: tautan papan layanan tidak ditampilkan', error));
  }
};
