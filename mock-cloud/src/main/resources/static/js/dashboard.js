// The dashboard's live part: every few seconds, each device's allowed access methods and its active remote
// shell sessions (the green dot) from /dashboard/access.
const POLL_MS = 3000;

function update(access) {
  const row = document.querySelector(`tr.device[data-device-id="${CSS.escape(access.device_id)}"]`);
  if (!row) return;
  row.querySelector('.badge-shell').classList.toggle('disallowed', !access.shell_allowed);
  row.querySelector('.badge-vnc').classList.toggle('disallowed', !access.vnc_allowed);
  row.querySelector('.connect-vnc').classList.toggle('disallowed', !access.vnc_allowed);
  const shellLink = row.querySelector('.connect-shell');
  shellLink.classList.toggle('disallowed', !access.shell_allowed);
  if (access.shell_allowed) shellLink.removeAttribute('aria-disabled');
  else shellLink.setAttribute('aria-disabled', 'true');
  const dot = row.querySelector('.session-dot');
  dot.textContent = String(access.shell_sessions);
  dot.title = access.shell_sessions_title;
  dot.hidden = access.shell_sessions === 0;
}

async function poll() {
  try {
    const response = await fetch('/dashboard/access', { headers: { Accept: 'application/json' } });
    const type = response.headers.get('Content-Type') || '';
    if (response.ok && type.startsWith('application/json')) (await response.json()).forEach(update);
  } catch {
    // offline for a moment: try again at the next tick
  }
}

// an open "Connect via" menu closes when clicking elsewhere
document.addEventListener('click', (event) => {
  document.querySelectorAll('details.connect-via[open]').forEach((menu) => {
    if (!menu.contains(event.target)) menu.open = false;
  });
});

setInterval(poll, POLL_MS);
