// Användare: administratören lägger till användare (med fullständigt namn och titel, som
// undertecknar breven och visas i historiken), ändrar namn och titel, ger nya inloggningskoder och
// stänger av.
import { api, confirmAction, el, formatTime, ROLE, say, startPage } from '/app.js';

const form = document.getElementById('add-user');
const body = document.querySelector('#users tbody');
const message = document.getElementById('message');
let me = null;

function showToken(user) {
  message.replaceChildren(el('div', { class: 'message ok' },
    `Inloggningskod för ${user.name} – visas bara nu, lämna den till användaren`,
    user.tokenExpires ? ` (gäller till ${formatTime(user.tokenExpires)}):` : ':',
    el('div', { class: 'token', id: 'new-token' }, user.token)));
}

/** Namn och titel i cellen, eller ett litet formulär för att ändra dem (Spara, Avbryt). */
function nameCell(user, editing) {
  if (!editing) {
    return el('td', {}, user.namn ? [user.namn, user.titel ? el('div', { class: 'muted' }, user.titel) : null]
      : el('span', { class: 'muted' }, 'Saknas'));
  }
  const name = el('input', { id: `namn-${user.id}`, type: 'text', value: user.namn || '', autocomplete: 'off' });
  const title = el('input', { id: `titel-${user.id}`, type: 'text', value: user.titel || '', autocomplete: 'off' });
  const form = el('form', { class: 'inline-form name-form' },
    el('div', {}, el('label', { for: `namn-${user.id}` }, 'Fullständigt namn'), name),
    el('div', {}, el('label', { for: `titel-${user.id}` }, 'Titel'), title),
    el('button', { type: 'submit', class: 'save-name' }, 'Spara'),
    el('button', { type: 'button', class: 'secondary', onclick: () => refresh() }, 'Avbryt'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api(`/api/users/${user.id}/namn`, { method: 'POST', body: { namn: name.value, titel: title.value } });
      await refresh();
      say(message, `Namn och titel för ${user.name} är sparade.`, 'ok');
      document.querySelector(`#users tr[data-user="${user.id}"] button.edit-name`)?.focus();
    } catch (error) { say(message, error.message, 'error'); }
  });
  setTimeout(() => name.focus());
  return el('td', {}, form);
}

async function refresh(editId = null) {
  const users = await api('/api/users');
  body.replaceChildren(...users.map((user) => el('tr', { 'data-user': user.id },
    el('td', {}, user.name),
    nameCell(user, user.id === editId),
    el('td', {}, ROLE[user.role] || user.role, user.unit ? el('div', { class: 'muted' }, user.unit) : null),
    el('td', {}, user.active ? 'Ja' : 'Nej (avstängd)'),
    el('td', {},
      el('button', { type: 'button', class: 'secondary new-token', onclick: async () => {
        const sure = await confirmAction({
          title: `Ny inloggningskod för ${user.name}?`,
          consequence: `Den gamla koden slutar gälla direkt: ${user.name} loggas ut och kan inte logga in förrän hen har fått den nya koden av dig.`,
          confirm: 'Skapa ny kod',
          danger: true,
        });
        if (!sure) return;
        try { showToken(await api(`/api/users/${user.id}/token`, { method: 'POST', body: { revokeOld: true } })); }
        catch (error) { say(message, error.message, 'error'); }
      } }, 'Ny inloggningskod'), ' ',
      el('button', { type: 'button', class: 'secondary edit-name', onclick: () => refresh(user.id) }, 'Ändra namn'), ' ',
      user.name === me.name ? null : el('button', { type: 'button', class: user.active ? 'danger deactivate' : 'secondary activate', onclick: async () => {
        if (user.active && !await confirmAction({
          title: `Stäng av ${user.name}?`,
          consequence: `${user.name} loggas ut och kan inte logga in förrän en administratör aktiverar kontot igen. Handlingar och historik finns kvar.`,
          confirm: 'Stäng av',
          danger: true,
        })) return;
        try {
          await api(`/api/users/${user.id}/active`, { method: 'POST', body: { active: !user.active } });
          await refresh();
        } catch (error) { say(message, error.message, 'error'); }
      } }, user.active ? 'Stäng av' : 'Aktivera')))));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(form));
  for (const key of ['namn', 'titel']) if (data[key].trim() === '') delete data[key];
  if (data.expiresDays === '') delete data.expiresDays;
  else data.expiresDays = Number(data.expiresDays);
  try {
    showToken(await api('/api/users', { method: 'POST', body: data }));
    form.reset();
    await refresh();
  } catch (error) { say(message, error.message, 'error'); }
});

startPage().then((user) => { me = user; return refresh(); }).catch((error) => say(message, error.message, 'error'));
