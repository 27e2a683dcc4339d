// The remote shell page: signalling through the cloud, one peer connection to the device, the terminal on its
// data channel (binary = terminal bytes, text = JSON control messages; see ShellChannel.java).
import { openSignalling } from './signalling.js';
import { createPeer, connectionPath } from './peer.js';
import { createTerminal } from './terminal.js';

const MAX_CHUNK = 16 * 1024; // well under the channel's 64 KiB message limit
const CLOSE_REASON_WAIT_MS = 2000; // after the channel closes, how long the device's reason may take to arrive

const app = document.getElementById('shell-app');
const statusArea = document.getElementById('session-status');
const disconnectButton = document.getElementById('disconnect');
const padlock = document.getElementById('padlock');
const padlockText = document.getElementById('padlock-text');
const hint = document.getElementById('shell-hint');
const encoder = new TextEncoder();

let state = 'connecting';
let peer = null;
let signalling = null;
let endTimer = null;

const term = createTerminal(document.getElementById('terminal'), document.getElementById('context-menu'),
  (text) => { hint.textContent = text; });

function setState(next, text) {
  state = next;
  document.body.dataset.state = next;
  statusArea.textContent = text;
}

/** Ends the session once; the first reason stays on screen (a refusal is shown exactly as the device wrote it). */
function end(reason) {
  if (state === 'closed') return;
  clearTimeout(endTimer);
  setState('closed', reason);
  disconnectButton.disabled = true;
  if (peer) peer.close();
  if (signalling) signalling.close();
  padlock.title = 'Not connected';
  padlockText.textContent = 'not connected';
}

function sendBytes(bytes) {
  const channel = peer && peer.channel;
  if (!channel || channel.readyState !== 'open') return;
  for (let i = 0; i < bytes.length; i += MAX_CHUNK) channel.send(bytes.subarray(i, i + MAX_CHUNK));
}

function sendControl(message) {
  const channel = peer && peer.channel;
  if (channel && channel.readyState === 'open') channel.send(JSON.stringify(message));
}

function sendSize() {
  const clamp = (n) => Math.max(1, Math.min(1000, n));
  sendControl({ type: 'resize', cols: clamp(term.cols), rows: clamp(term.rows) });
}

function onControl(text) {
  let message;
  try {
    message = JSON.parse(text);
  } catch {
    return;
  }
  if (message.type === 'exit') {
    statusArea.textContent = `The shell exited with status ${message.code}.`;
  } else if (message.type === 'error' && message.message) {
    statusArea.textContent = message.message;
  }
}

async function showPath() {
  const path = await connectionPath(peer.pc).catch(() => null);
  if (!path || state !== 'connected') return;
  const how = path.relayed ? 'relayed' : 'direct';
  const cipher = path.cipher ? `, ${path.cipher}` : '';
  padlockText.textContent = `${how} · encrypted (DTLS)`;
  padlock.title = (path.relayed
    ? 'Relayed through a TURN server, which sees only encrypted data'
    : 'Direct peer-to-peer connection to the device')
    + ` (candidates: ${path.local} ↔ ${path.remote}); encrypted with DTLS${cipher}`;
  padlock.dataset.path = how;
}

function wireChannel(channel) {
  channel.addEventListener('open', () => {
    setState('connected', 'Connected');
    disconnectButton.disabled = false;
    sendSize();
    term.focus();
    showPath();
  });
  channel.addEventListener('message', (event) => {
    if (typeof event.data === 'string') onControl(event.data);
    else term.write(new Uint8Array(event.data));
  });
  channel.addEventListener('close', () => {
    if (state === 'closed') return;
    // the device's session.closed (with its reason) usually follows on the signalling socket
    endTimer = setTimeout(() => end('The session ended.'), CLOSE_REASON_WAIT_MS);
  });
}

term.onData((data) => sendBytes(encoder.encode(data)));
term.onBinary((data) => sendBytes(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff)));
term.onResize(() => sendSize());

disconnectButton.addEventListener('click', () => end('Disconnected.'));
window.addEventListener('pagehide', () => end('Disconnected.'));

setState('connecting', 'Connecting…');
signalling = openSignalling({
  path: app.dataset.socketPath,
  deviceId: app.dataset.deviceId,
  csrf: app.dataset.csrf,
  relayOnly: app.dataset.relay === '1',
}, {
  async ready(frame) {
    peer = createPeer(frame, (candidate) => signalling.sendCandidate(candidate));
    wireChannel(peer.channel);
    peer.pc.addEventListener('connectionstatechange', () => {
      if (peer.pc.connectionState === 'failed') {
        end('The connection to the device failed: no network path was found, directly or through the relay.');
      }
    });
    try {
      signalling.sendOffer(await peer.offer());
    } catch (e) {
      end(`This browser could not start a WebRTC connection (${e.message}).`);
    }
  },
  answer(frame) {
    peer.answer(frame.sdp).catch((e) => end(`The device's answer could not be used (${e.message}).`));
  },
  candidate(frame) {
    if (peer) peer.addRemoteCandidate(frame);
  },
  closed(reason) {
    end(reason);
  },
  lost() {
    end('The connection to Raspberry Pi Connect was lost. Reload the page to connect again.');
  },
});

// For people debugging, and for the end-to-end tests: the terminal's text, the session state, the channel.
window.connectShell = {
  state: () => state,
  terminalText() {
    const buffer = term.buffer.active;
    const lines = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));
    return lines.join('\n');
  },
  size: () => ({ cols: term.cols, rows: term.rows }),
  channel: () => (peer ? peer.channel : null),
};
