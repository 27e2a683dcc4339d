// The browser's signalling socket to the cloud: one socket per session. The frames are documented in
// mock-cloud's SessionSocket.java; the cloud relays offer, answer and candidates to the device untouched.

/**
 * Opens the socket. handlers: ready(frame) with session_id, ice_servers, ice_transport_policy; answer(frame);
 * candidate(frame); closed(reason, code) when the cloud or the device ended the session; lost() when the socket
 * closed without saying why.
 */
export function openSignalling({ path, deviceId, csrf, relayOnly }, handlers) {
  const url = new URL(path, window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('device', deviceId);
  url.searchParams.set('csrf', csrf);
  if (relayOnly) url.searchParams.set('relay', '1');

  const socket = new WebSocket(url);
  let toldWhy = false;
  let leaving = false;

  socket.addEventListener('message', (event) => {
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return; // not ours to understand: ignore
    }
    switch (frame.type) {
      case 'session.ready': handlers.ready(frame); break;
      case 'session.answer': handlers.answer(frame); break;
      case 'session.ice': handlers.candidate(frame); break;
      case 'session.closed':
        toldWhy = true;
        handlers.closed(frame.reason || 'The session ended.', frame.code);
        break;
      default: break; // newer frame types are ignored
    }
  });
  socket.addEventListener('close', () => {
    if (!toldWhy && !leaving) handlers.lost();
  });

  const send = (frame) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  };

  return {
    sendOffer(sdp) {
      send({ type: 'session.offer', sdp });
    },
    /** A local ICE candidate (RTCIceCandidate), or null at the end of gathering. */
    sendCandidate(candidate) {
      if (candidate === null) {
        send({ type: 'session.ice', candidate: '' });
        return;
      }
      const frame = { type: 'session.ice', candidate: candidate.candidate };
      if (candidate.sdpMid !== null) frame.sdp_mid = candidate.sdpMid;
      if (candidate.sdpMLineIndex !== null) frame.sdp_mline_index = candidate.sdpMLineIndex;
      send(frame);
    },
    /** Ends the session on purpose: the device is told to close it. */
    close() {
      leaving = true;
      send({ type: 'session.close' });
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(1000);
    },
  };
}
