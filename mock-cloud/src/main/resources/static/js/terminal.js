// The terminal: xterm.js sized to its container, with copy and paste that survive browsers intercepting keys
// like Ctrl+Shift+C (seed: "use the right click menu or Ctrl+Insert to copy and Shift+Insert to paste").
import { Terminal } from '/static/vendor/xterm/xterm.mjs';
import { FitAddon } from '/static/vendor/xterm-addon-fit/addon-fit.mjs';

/** Creates the terminal in container; menu is the (hidden) right-click menu with #menu-copy and #menu-paste. */
export function createTerminal(container, menu, say) {
  const term = new Terminal({
    cursorBlink: true,
    scrollback: 5000,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace',
    fontSize: 14,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(container);
  const refit = () => {
    if (container.clientWidth > 0 && container.clientHeight > 0) fit.fit();
  };
  refit();
  new ResizeObserver(refit).observe(container);
  window.addEventListener('resize', refit);

  const copy = () => copySelection(term);
  const paste = () => pasteClipboard(term, say);

  // Ctrl+Insert and Shift+Insert need no handler: xterm.js sends neither to the shell, so the browser runs its own
  // copy and paste commands, whose events xterm.js turns into "copy the selection" and "type the clipboard".

  container.addEventListener('contextmenu', (event) => {
    event.preventDefault();
    menu.style.left = `${event.clientX}px`;
    menu.style.top = `${event.clientY}px`;
    menu.hidden = false;
  });
  document.addEventListener('click', () => { menu.hidden = true; });
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape') menu.hidden = true; });
  menu.querySelector('#menu-copy').addEventListener('click', () => { copy(); term.focus(); });
  menu.querySelector('#menu-paste').addEventListener('click', () => { paste(); term.focus(); });

  return term;
}

function copySelection(term) {
  const text = term.getSelection();
  if (!text) return;
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).catch(() => legacyCopy(text));
  } else {
    legacyCopy(text);
  }
}

// Without the asynchronous clipboard API (plain http on another host): a throw-away text area and the copy command.
function legacyCopy(text) {
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    document.execCommand('copy');
  } finally {
    area.remove();
  }
}

function pasteClipboard(term, say) {
  if (!navigator.clipboard || !navigator.clipboard.readText) {
    say('This browser does not let the page read the clipboard: press Shift+Insert to paste.');
    return;
  }
  navigator.clipboard.readText()
    .then((text) => { if (text) term.paste(text); })
    .catch(() => say('The browser did not allow reading the clipboard: press Shift+Insert to paste.'));
}
