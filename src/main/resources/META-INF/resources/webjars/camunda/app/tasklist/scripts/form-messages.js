/*
 * Rujukan: Camunda Forms' own validation messages ("Field is required.", "Field must have minimum length of 3.")
 * in Bahasa Indonesia.
 *
 * form-js as bundled in Tasklist 7.24 (lib/deps.js) writes these messages in English in its validator, with no
 * translation service to hook into, and Tasklist gives no way to replace the validator. Our forms' own messages
 * are written in Indonesian already; this module, loaded through `customScripts` in config.js, rewrites form-js's
 * messages where they are shown (the list in `.fjs-form-field-error`), in place, so that form-js's later
 * renders still find their text nodes. A message it does not know is left as it is.
 *
 * docs/language.md explains it; it.TasklistIT submits a form with a required field left empty.
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

function translate(text) {
  for (const [english, indonesian] of MESSAGES) {
    const match = english.exec(text);
    if (match) {
      return indonesian(...match.slice(1));
    }
  }
  return null;
}

function translateWithin(node) {
  const root = node.nodeType === Node.TEXT_NODE ? node.parentNode : node;
  if (!root || !root.closest) {
    return;
  }
  const errorLists = root.closest('.fjs-form-field-error') ? [root] : root.querySelectorAll('.fjs-form-field-error');
  errorLists.forEach((list) => {
    const texts = document.createTreeWalker(list, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      const indonesian = translate(text.data.trim());
      if (indonesian !== null) {
        text.data = indonesian;
      }
    }
  });
}

new MutationObserver((changes) => changes.forEach((change) => {
  translateWithin(change.target);
  change.addedNodes.forEach(translateWithin);
})).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

// a marker the browser test and staff's developer tools can check
window.rujukanFormMessages = true;
