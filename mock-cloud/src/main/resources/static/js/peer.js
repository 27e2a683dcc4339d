// One WebRTC peer connection per session, with the shell's data channel. The browser makes the offer; the
// device answers (see protocol/session in the Java sources).

const CHANNEL_LABEL = 'shell';

/**
 * Creates the peer connection from the cloud's session.ready frame. onCandidate(candidate|null) is called for each
 * local candidate (trickle ICE).
 */
export function createPeer(ready, onCandidate) {
  const pc = new RTCPeerConnection({
    iceServers: (ready.ice_servers || []).map((s) => {
      const server = { urls: s.urls };
      if (s.username) server.username = s.username;
      if (s.credential) server.credential = s.credential;
      return server;
    }),
    iceTransportPolicy: ready.ice_transport_policy === 'relay' ? 'relay' : 'all',
  });
  const channel = pc.createDataChannel(CHANNEL_LABEL); // reliable and ordered
  channel.binaryType = 'arraybuffer';
  pc.addEventListener('icecandidate', (event) => onCandidate(event.candidate));

  const early = []; // device candidates that arrive before the answer is applied
  let answered = false;

  return {
    pc,
    channel,
    async offer() {
      await pc.setLocalDescription(await pc.createOffer());
      return pc.localDescription.sdp;
    },
    async answer(sdp) {
      await pc.setRemoteDescription({ type: 'answer', sdp });
      answered = true;
      for (const c of early.splice(0)) await addCandidate(pc, c);
    },
    async addRemoteCandidate(frame) {
      if (!frame.candidate) return; // end of candidates
      if (answered) await addCandidate(pc, frame);
      else early.push(frame);
    },
    close() {
      try { channel.close(); } catch { /* already closed */ }
      try { pc.close(); } catch { /* already closed */ }
    },
  };
}

async function addCandidate(pc, frame) {
  const init = { candidate: frame.candidate };
  if (frame.sdp_mid !== undefined) init.sdpMid = frame.sdp_mid;
  if (frame.sdp_mline_index !== undefined) init.sdpMLineIndex = frame.sdp_mline_index;
  if (init.sdpMid === undefined && init.sdpMLineIndex === undefined) init.sdpMLineIndex = 0;
  try {
    await pc.addIceCandidate(init);
  } catch (e) {
    console.warn('ignored an unusable candidate from the device', e);
  }
}

/**
 * How the connection runs, from getStats: {relayed, local, remote, cipher} for the selected candidate pair
 * (candidate types: host, srflx, prflx, relay), or null before one is selected.
 */
export async function connectionPath(pc) {
  const stats = await pc.getStats();
  let pair = null;
  let cipher = null;
  stats.forEach((s) => {
    if (s.type === 'transport') {
      if (s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId) || pair;
      if (s.dtlsCipher) cipher = s.dtlsCipher;
    }
  });
  if (!pair) {
    stats.forEach((s) => {
      if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated) pair = s;
    });
  }
  if (!pair) return null;
  const local = stats.get(pair.localCandidateId);
  const remote = stats.get(pair.remoteCandidateId);
  const localType = local ? local.candidateType : 'unknown';
  const remoteType = remote ? remote.candidateType : 'unknown';
  return { relayed: localType === 'relay' || remoteType === 'relay', local: localType, remote: remoteType, cipher };
}
