/*
 * Rujukan: Camunda Forms' own texts in Bahasa Indonesia: its validation messages ("Field is required.", "Field must
 * have minimum length of 3.") and the words of its drop-down lists ("Select", "Search", "No results").
 *
 * form-js as bundled in Tasklist 7.24 (lib/deps.js) writes these in English in its code, with no translation
 * service to hook into, and Tasklist gives no way to replace its validator. Our forms' own texts are written in
 * Indonesian already; this module, loaded through `customScripts` in config.js, rewrites form-js's texts where they
 * are shown (inside `.fjs-container`), in place, so that form-js's later renders still find their nodes. A text it
 * does not know is left as it is.
 *
 * docs/language.md explains it; it.TasklistIT submits a form with required fields left empty.
 */
const MESSAGES = [
  [/^Field is required\.$/, () => 'Kolom ini wajib diisi.'],
  [/^Field must match pattern (.*)\.$/, (pattern) => `Isian harus sesuai pola ${pattern}.`],
  [/^Field must have minimum value of (.*)\.$/, (min) => `Nilai paling kecil ${min}.`],
  [/^Field must have maximum value of (.*)\.$/, (max) => `Nilai paling besar ${max}.`],
  [/^Field must have minimum length of (.*)\.$/, (min) => `Isian paling sedikit ${min} karakter.`],
  [/^Field must have maximum length of (.*)\.$/, (max) => `Isian paling banyak ${max} karakter.`],
  [/^Field must be a valid +international phone number\..*$/,
    () => 'Isian harus nomor telepon internasional yang sah (misalnya +6281234567890).'],
  [/^Field must be a valid email\.$/, () => 'Isian harus alamat email yang sah.']
];

/** form-js's other words, where they make up a whole text or placeholder. */
const WORDS = new Map([
  ['Select', 'Pilih'],
  ['Search', 'Cari'],
  ['No results', 'Tidak ada hasil'],
  ['All values selected', 'Semua pilihan sudah dipilih']
]);

function translate(text) {
  for (const [english, indonesian] of MESSAGES) {
    const match = english.exec(text);
    if (match) {
      return indonesian(...match.slice(1));
    }
  }
  return WORDS.get(text) ?? null;
}

function translateWithin(node) {
  const root = node.nodeType === Node.TEXT_NODE ? node.parentNode : node;
  if (!root || !root.closest) {
    return;
  }
  const forms = root.closest('.fjs-container') ? [root] : root.querySelectorAll('.fjs-container');
  forms.forEach((form) => {
    const texts = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      const indonesian = translate(text.data.trim());
      if (indonesian !== null) {
        text.data = indonesian;
      }
    }
    const fields = form.matches('[placeholder]') ? [form] : form.querySelectorAll('[placeholder]');
    fields.forEach((field) => {
      const indonesian = WORDS.get(field.getAttribute('placeholder'));
      if (indonesian) {
        field.setAttribute('placeholder', indonesian);
      }
    });
  });
}

new MutationObserver((changes) => changes.forEach((change) => {
  translateWithin(change.target);
  change.addedNodes.forEach(translateWithin);
})).observe(document.documentElement,
  { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder'] });

// a marker the browser test and staff's developer tools can check
window.rujukanFormMessages = true;
