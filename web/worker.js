// The engine's home: a module Web Worker. The page sends commands; the worker trains the panels'
// models (trainers.js) and sends back frames: states, new loss records, decision grids (as
// transferred Float32Arrays) and now and then metrics. The protocol is engine-client.js's.
//
// Pacing: while playing, each tick trains `speed` epochs, then posts one frame. Playing ends at
// the epoch limit (the page is told by a frame with atLimit); when every model diverged the
// worker stays playing with nothing to train, so a reset trains at once. At most one frame
// is in flight: the next is posted only after the page acknowledged the last (after drawing it),
// so a slow page slows training down instead of queueing frames. Between slices of training the
// worker yields, so pause, predict and configure are answered within a slice (about 25 ms).
//
// Watchdog (worker-supervisor.js): a { type: 'ping' } is answered with { type: 'pong' } as soon as
// it is read, engine or not; with each new experiment the worker says how long it may be silent on
// purpose ({ type: 'busy', ms }, worker-busy.js).
import { createEngine } from './engine/nnplay.mjs';
import { TrainerPair } from './trainers.js';
import { LessonGroup } from './lessons/group.js';
import { answer } from './worker-requests.js';
import { silentMs } from './worker-busy.js';

const METRICS_EVERY_MS = 200;  // final() runs a forward pass on every split: not every frame

const engine = createEngine();
let pair = null;
let generation = 0;
let playing = false;
let speed = 1;
let limit = Infinity;
let looping = false;
let lastMetrics = 0;
let frameSeq = 0;
let frameInFlight = false;
let lastFrameHadMetrics = false;
let onAck = null;

const post = (message, transfer) => self.postMessage({ generation, ...message }, transfer ?? []);

/** Lets queued messages run (a macrotask turn without setTimeout's clamping). */
function yieldToMessages() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
}

function waitForAck() {
  return frameInFlight ? new Promise((resolve) => { onAck = resolve; }) : Promise.resolve();
}

function releaseAck() {
  frameInFlight = false;
  const resolve = onAck;
  onAck = null;
  resolve?.();
}

/**
 * Posts a frame; `atLimit` says that playing stopped because the epoch limit was reached,
 * `stepped` that it ends a step.
 */
function postFrame(forceMetrics, atLimit = false, stepped = false) {
  const now = performance.now();
  const withMetrics = forceMetrics || now - lastMetrics >= METRICS_EVERY_MS;
  if (withMetrics) lastMetrics = now;
  lastFrameHadMetrics = withMetrics;
  const { models, transfer } = pair.snapshot(withMetrics);
  frameInFlight = true;
  post({ type: 'frame', seq: ++frameSeq, models, atLimit, stepped }, transfer);
}

/** Trains every model to `target` epochs (or, once paused, only up to the leader, to stay in step). */
async function trainTo(current, target) {
  while (current === pair && !current.trainSlice(playing ? target : current.epoch)) await yieldToMessages();
}

/** The play loop: ticks of `speed` epochs, one frame each, until paused, finished or replaced. */
async function play() {
  if (looping) return;
  looping = true;
  try {
    while (playing && pair && !pair.idle(limit)) {
      const current = pair;
      await trainTo(current, Math.min(current.epoch + speed, limit));
      await waitForAck();
      if (current !== pair) continue;
      const atLimit = current.finished(limit);
      if (atLimit) playing = false;
      postFrame(!playing || current.idle(limit), atLimit);
      await yieldToMessages();
    }
    // Paused between two ticks: the last frame may lack the metrics a paused page should show.
    if (pair && !lastFrameHadMetrics) {
      const current = pair;
      await waitForAck();
      if (current === pair && !playing) postFrame(true);
    }
  } finally {
    looping = false;
  }
}

/**
 * An engine error (a bad spec, a refused size) is reported and the worker goes on. A trap in the
 * WebAssembly (WebAssembly.RuntimeError: out of bounds, unreachable) leaves the engine's memory
 * untrustworthy: it is thrown again, uncaught, so the worker dies and the page starts a new one
 * (worker-supervisor.js), which sets the experiment up again.
 */
function fail(error) {
  if (error instanceof WebAssembly.RuntimeError) {
    setTimeout(() => { throw error; });
    return;
  }
  post({ type: 'error', message: error.message, kind: error.kind ?? 'engine' });
}

const handlers = {
  async configure(msg) {
    const nn = await engine;
    generation = msg.generation;
    pair?.dispose();
    pair = null;
    releaseAck();
    if (!msg.specs) {
      self.postMessage({ type: 'busy', ms: 0 });
      return post({ type: 'data', data: null });
    }
    try {
      pair = msg.lesson ? new LessonGroup(nn, msg.lesson) : new TrainerPair(nn, msg.specs, msg.gridSize);
    } catch (error) {
      return fail(error);
    }
    const { x, y, splitEnd, classes, features } = pair.data;  // the pair needs them no more: hand them over
    self.postMessage({ type: 'busy', ms: silentMs(msg.specs, pair.data, msg.lesson ? 0 : msg.gridSize) });
    post({ type: 'data', data: { x, y, splitEnd, classes, features, bounds: pair.bounds } }, [x.buffer, y.buffer]);
    postFrame(true);
    if (playing) play().catch(fail);
  },
  async play() {
    playing = true;
    if (!pair || !pair.finished(limit)) return pair && play();
    // Nothing left to train below the limit: say so with a frame that is not playing.
    playing = false;
    const current = pair;
    await waitForAck();
    if (current === pair) postFrame(true, true);
  },
  pause() {
    playing = false;
  },
  /** Pauses, then trains `epochs` (default 1) epochs on every model and posts a frame. */
  async step(msg) {
    playing = false;
    while (looping) await yieldToMessages();
    if (!pair || pair.idle(Infinity)) return;
    const current = pair;
    looping = true;
    try {
      const target = current.epoch + Math.max(1, Math.floor(msg.epochs ?? 1));
      while (current === pair && !current.trainSlice(target)) await yieldToMessages();
      await waitForAck();
      if (current === pair) postFrame(true, false, true);
    } finally {
      looping = false;
    }
    if (playing) play().catch(fail);  // a play that came during the step
  },
  set(msg) {
    if (msg.speed !== undefined) speed = msg.speed;
    if (msg.limit !== undefined) limit = msg.limit;
    if (msg.lr !== undefined && pair) pair.setLr(msg.lr);
  },
  predict(msg) {
    let models = null;
    try {
      models = pair ? pair.predict(msg.point) : null;
    } finally {
      post({ type: 'prediction', id: msg.id, point: msg.point, models });
    }
  },
  ack(msg) {
    if (msg.seq === frameSeq) releaseAck();
  },
  /** An export or new weights (worker-requests.js); new weights are shown at once. */
  async request(msg) {
    const nn = await engine;
    const reply = answer(nn, pair, msg);
    self.postMessage({ type: 'reply', id: msg.id, ...reply });
    // While playing, the next frame shows the new weights; paused, one frame shows them now.
    if (msg.what === 'setWeights' && !reply.error && pair && !looping) {
      const current = pair;
      looping = true;
      try {
        await waitForAck();
        if (current === pair) postFrame(true);
      } finally {
        looping = false;
      }
      if (playing) play().catch(fail);  // a play that came meanwhile
    }
  },
};

self.onmessage = async ({ data: msg }) => {
  if (msg?.type === 'ping') return self.postMessage({ type: 'pong' });
  try {
    await engine;
    await handlers[msg.type](msg);
  } catch (error) {
    fail(error);
  }
};

engine.then(() => post({ type: 'ready' }), (error) => fail(error));
