import { api, say } from '/app.js';

const form = document.getElementById('login-form');
const message = document.getElementById('login-message');
const token = document.getElementById('token');
token.focus();

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!token.value.trim()) {
    say(message, 'Skriv in din inloggningskod.', 'error');
    token.setAttribute('aria-invalid', 'true');
    return;
  }
  try {
    await api('/api/session', { method: 'POST', body: { token: token.value.trim() } });
    const path = window.location.pathname;
    if (path === '/login' || path === '/login.html') window.location.href = '/';
    else window.location.reload();
  } catch (error) {
    token.setAttribute('aria-invalid', 'true');
    say(message, error.message, 'error');
    token.select();
  }
});
