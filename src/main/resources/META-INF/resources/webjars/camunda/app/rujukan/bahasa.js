/*
 * Rujukan: Tasklist, Cockpit, Admin and the Welcome page speak Bahasa Indonesia, whatever the browser's language;
 * a user who wants English opens any of them once with `?bahasa=en` (and `?bahasa=id` to come back).
 *
 * Camunda 7.24 picks a webapp's language from the browser alone: the first of `navigator.languages`, if it is one
 * of config.js's `locales.availableLocales`, else `locales.fallbackLocale`. It keeps no choice of its own
 * (localStorage only caches the locale files). So an English browser would get English even though `id` comes
 * first. Loaded through `customScripts` in each app's config.js, before the app starts, this module stores the
 * choice asked for in the address (localStorage, shared by the four apps of this server) and makes the browser's
 * language read as that choice, Indonesian when there is none. Nothing else in the webapps reads it.
 *
 * docs/language.md explains it; it.TasklistIT checks it in an English browser.
 */
const STORED_CHOICE = 'rujukan.bahasa';
const LANGUAGES = ['id', 'en'];

const asked = new URLSearchParams(window.location.search).get('bahasa');
if (LANGUAGES.includes(asked)) {
  window.localStorage.setItem(STORED_CHOICE, asked);
}
const stored = window.localStorage.getItem(STORED_CHOICE);
const language = LANGUAGES.includes(stored) ? stored : 'id';

Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => [language] });
Object.defineProperty(window.navigator, 'language', { configurable: true, get: () => language });
document.documentElement.lang = language;

// a marker the browser test and staff's developer tools can check
window.rujukanBahasa = language;
