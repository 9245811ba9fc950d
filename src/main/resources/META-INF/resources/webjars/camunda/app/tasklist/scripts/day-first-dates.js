/*
 * Rujukan: dates in Camunda Forms are typed and shown day first (25/12/2026), whatever the browser's language.
 *
 * Camunda Forms (form-js, bundled in Tasklist's lib/deps.js) derives its date picker's input format from
 * `new Intl.DateTimeFormat("default")`, that is from the browser's locale: in an en-US browser it types and shows
 * month first, and 02/12/2026 is saved as 12 February. Loaded through `customScripts` in config.js before
 * Tasklist starts, this module makes the locale "default" mean Indonesian with a two-digit day and month, so the
 * picker reads and writes dd/mm/yyyy (placeholder "dd/mm/yyyy") in every browser. A locale asked for by name,
 * and any call with options, is left as it was. The form still submits ISO dates (2026-12-25) to the server.
 *
 * docs/dates.md explains the choice; TasklistIT types day-first dates into a form and reads them back.
 */
const NativeDateTimeFormat = Intl.DateTimeFormat;
const INDONESIAN_DAY_FIRST = { locale: 'id-ID', options: { day: '2-digit', month: '2-digit', year: 'numeric' } };

function DayFirstDateTimeFormat(locales, options) {
  if (locales === 'default' && options === undefined) {
    return new NativeDateTimeFormat(INDONESIAN_DAY_FIRST.locale, INDONESIAN_DAY_FIRST.options);
  }
  return new NativeDateTimeFormat(locales, options);
}

DayFirstDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
DayFirstDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = DayFirstDateTimeFormat;

// a marker the browser test and staff's developer tools can check
window.rujukanDayFirstDates = true;
