// Användare: administratören lägger till användare, ger nya inloggningskoder och stänger av.
import { api, el, formatTime, ROLE, say, startPage } from '/app.js';

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
      el('button', { type: 'button', class: 'secondary', onclick: async () => {
        try { showToken(await api(`/api/users/${user.id}/token`, { method: 'POST', body: { revokeOld: true } })); }
        catch (error) { say(message, error.message, 'error'); }
      } }, 'Ny inloggningskod'), ' ',
      user.name === me.name ? null : el('button', { type: 'button', class: user.active ? 'danger' : 'secondary', onclick: async () => {
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
