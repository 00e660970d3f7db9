import { api, say } from '/app.js';

const form = document.getElementById('login-form');
const message = document.getElementById('login-message');
const token = document.getElementById('token');
const show = document.getElementById('show-token');
token.focus();

/** Koden som den klistrades in ur filen, utan mellanslag och radbrytningar (koden har inga). */
const cleaned = () => token.value.replace(/\s+/g, '');

token.addEventListener('paste', (event) => {
  const pasted = event.clipboardData && event.clipboardData.getData('text');
  if (pasted === undefined || pasted === null) return;
  event.preventDefault();
  token.value = pasted.replace(/\s+/g, '');
  say(message, '');
  token.removeAttribute('aria-invalid');
});

show.addEventListener('click', () => {
  const visible = token.type === 'password';
  token.type = visible ? 'text' : 'password';
  show.setAttribute('aria-pressed', String(visible));
  show.textContent = visible ? 'Dölj' : 'Visa';
  token.focus();
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!cleaned()) {
    say(message, 'Skriv in din inloggningskod.', 'error');
    token.setAttribute('aria-invalid', 'true');
    return;
  }
  // Hidden again before sending: the browser keeps no shown code in its form history.
  token.type = 'password';
  show.setAttribute('aria-pressed', 'false');
  show.textContent = 'Visa';
  try {
    await api('/api/session', { method: 'POST', body: { token: cleaned() } });
    const path = window.location.pathname;
    if (path === '/login' || path === '/login.html') window.location.href = '/';
    else window.location.reload();
  } catch (error) {
    token.setAttribute('aria-invalid', 'true');
    say(message, error.message, 'error');
    token.select();
  }
});
