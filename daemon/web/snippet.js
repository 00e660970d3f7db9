// Träffen i handlingens text vid sökning i Inkorgen: orden runt träffen, de sökta orden
// (markerade «…» av servern) som <mark>. Bara textnoder: texten kommer utifrån.
import { el } from '/app.js';

/** Snippet-texten "… till «hyra» för …" som ett element med de träffade orden markerade. */
export function snippetElement(snippet) {
  const parts = [];
  for (const [index, piece] of snippet.split(/[«»]/).entries()) {
    if (piece) parts.push(index % 2 === 1 ? el('mark', {}, piece) : piece);
  }
  return el('div', { class: 'muted snippet', title: 'Träff i handlingens text' }, ...parts);
}
