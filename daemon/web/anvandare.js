// Användare: administratören lägger till användare, ger nya inloggningskoder och stänger av.
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

async function refresh() {
  const users = await api('/api/users');
  body.replaceChildren(...users.map((user) => el('tr', {},
    el('td', {}, user.name),
    el('td', {}, ROLE[user.role] || user.role),
    el('td', {}, user.unit || ''),
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
  if (data.expiresDays === '') delete data.expiresDays;
  else data.expiresDays = Number(data.expiresDays);
  try {
    showToken(await api('/api/users', { method: 'POST', body: data }));
    form.reset();
    await refresh();
  } catch (error) { say(message, error.message, 'error'); }
});

startPage().then((user) => { me = user; return refresh(); }).catch((error) => say(message, error.message, 'error'));
