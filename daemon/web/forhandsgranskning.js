// Förhandsgranskningen av ett beslutsbrev: brevet i en dialog över hela fönstret (också vid 800 px
// bred, där Granskas högra spalt bara är en tredjedel av en A4-sida), med vad delegationskontrollen
// sa och knapparna Spara och expediera och Tillbaka till beslutet.
import { el, say } from '/app.js';

/** Visar brevet (en blob-url till PDF:en) i en modal dialog. `said` är kontrollens besked
 * ({ text, kind }); `onSend` saknas när brevet inte kan expedieras (då finns bara Tillbaka).
 * Esc och Tillbaka stänger dialogen; Spara och expediera stänger den och kör onSend. */
export function showLetterPreview({ url, said, onSend }) {
  const status = el('div', { id: 'preview-status', role: 'status' });
  say(status, said.text, said.kind);
  const close = el('button', { type: 'button', class: 'secondary', id: 'preview-close' }, 'Tillbaka till beslutet');
  const send = onSend ? el('button', { type: 'button', id: 'preview-send' }, 'Spara och expediera') : null;
  const dialog = el('dialog', { class: 'letter-preview', 'aria-labelledby': 'preview-title' },
    el('div', { class: 'letter-preview-bar' },
      el('h2', { id: 'preview-title' }, 'Förhandsgranskning av beslutsbrevet'),
      el('a', { href: url, target: '_blank' }, 'Öppna i en ny flik')),
    status,
    // Sidans bredd, utan miniatyrerna: brevet fyller dialogen.
    el('iframe', { class: 'letter', src: `${url}#navpanes=0&view=FitH`, title: 'Beslutsbrevet som det kommer att se ut' }),
    el('div', { class: 'actions' }, close, send));
  close.addEventListener('click', () => dialog.close());
  if (send) send.addEventListener('click', () => { dialog.close(); onSend(); });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
