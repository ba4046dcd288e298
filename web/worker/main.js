// The engine's home: a module Web Worker, one for the page's whole life. The page's runs (the
// playground's, a lesson's) each talk to their own Session (session.js) over a named channel:
// every message from the page carries { channel }, and every message back carries it too. The
// protocol is page/engine-client.js's.
//
// Watchdog (page/worker-supervisor.js): a { type: 'ping' } is answered with { type: 'pong' } as
// soon as it is read, engine or not; when a run is set up the worker says how long it may be
// silent on purpose ({ type: 'busy', ms }, busy.js: the largest over the runs). Once the engine
// has loaded, the worker sends { type: 'info', info }: what specs allow (nn.specInfo()).
//
// The page's first message is { type: 'engine', wasm }: the engine's WebAssembly bytes, which the
// page loaded once (page/worker-source.js), so a worker started again needs no network; wasm null:
// the engine fetches its own (or, in the single file, has them inlined).
import { createEngine } from '../engine/nnplay.mjs';
import { Session } from './session.js';

const engine = new Promise((resolve) => {
  self.addEventListener('message', function first({ data }) {
    if (data?.type !== 'engine') return;
    self.removeEventListener('message', first);
    resolve(createEngine(data.wasm ? { wasmBinary: new Uint8Array(data.wasm) } : {}));
  });
});
const sessions = new Map();  // channel name -> Session

/**
 * An engine error (a bad spec, a refused size) is reported and the worker goes on. A trap in the
 * WebAssembly (WebAssembly.RuntimeError: out of bounds, unreachable) leaves the engine's memory
 * untrustworthy: it is thrown again, uncaught, so the worker dies and the page starts a new one
 * (page/worker-supervisor.js), which sets its runs up again.
 */
function fail(error, channel, generation) {
  if (error instanceof WebAssembly.RuntimeError) {
    setTimeout(() => { throw error; });
    return;
  }
  self.postMessage({ type: 'error', channel, generation, message: error.message, kind: error.kind ?? 'engine' });
}

/** Tells the watchdog the longest any run may keep the worker silent. */
function announce() {
  self.postMessage({ type: 'busy', ms: Math.max(0, ...[...sessions.values()].map((s) => s.silentMs)) });
}

/** The channel's session, made on first use. */
function sessionOf(nn, channel) {
  if (!sessions.has(channel)) {
    const send = (message, transfer) => self.postMessage({ channel, ...message }, transfer);
    sessions.set(channel, new Session(nn, { send, announce, fail: (error, generation) => fail(error, channel, generation) }));
  }
  return sessions.get(channel);
}

const COMMANDS = new Set(['configure', 'play', 'pause', 'step', 'set', 'predict', 'ack', 'request']);

self.onmessage = async ({ data: msg }) => {
  if (msg?.type === 'ping') return self.postMessage({ type: 'pong' });
  if (msg?.type === 'engine') return undefined;  // taken by the listener above
  try {
    const nn = await engine;
    if (!COMMANDS.has(msg?.type)) throw new Error(`unknown message ${String(msg?.type).slice(0, 40)}`);
    await sessionOf(nn, msg.channel)[msg.type](msg);
  } catch (error) {
    fail(error, msg?.channel, msg?.generation);
  }
};

engine.then((nn) => self.postMessage({ type: 'info', info: nn.specInfo() }), (error) => fail(error));
