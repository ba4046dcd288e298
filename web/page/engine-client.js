// The page's side of the worker protocol (worker/main.js). One EngineClient per playground owns
// the one engine worker for the page's whole life; each run on it (the playground's, a lesson's)
// talks over its own channel (channel(name)): configure a plan, play, pause, step, live settings,
// predictions, requests, and acknowledgements of drawn frames. What comes back goes to the
// channel's callbacks: onData (the dataset of a new configuration), onFrame (training progress),
// onError. Inside the network (docs/api.md): the live setting `view` says which diagrams and
// hidden spaces the page shows, and the request `setWeight` edits one weight or bias. Frames from an earlier configuration are dropped. The run calls done(frame) after
// drawing a frame; only then does the worker send that channel's next.
//
// The worker is watched (worker-supervisor.js): when it dies it is replaced by a fresh one, started
// the same way, from the script and engine bytes loaded once (worker-source.js: no network), and
// every channel's onRestart({ reason, detail, restarts, repeated }) asks its run to set itself up
// again (the new worker knows nothing). Requests still out are rejected, predictions still out
// resolve to null, frames of the dead worker are never acked.
import { WorkerSource } from './worker-source.js';
import { WorkerSupervisor } from './worker-supervisor.js';
import { EngineRules } from '../shared/engine-rules.js';

export class EngineClient {
  #worker = null;    // the supervisor, once the worker's source has loaded
  #waiting = [];     // messages posted before that
  #closed = false;
  #channels = new Map();
  #requests = new Map();
  #nextId = 0;
  /** What specs allow (nn.specInfo()), once the engine has loaded; null before. */
  info = null;
  /** Resolves to the engine's rules (shared/engine-rules.js) once the engine has loaded. */
  ready;
  #resolveReady;

  constructor() {
    this.ready = new Promise((resolve) => { this.#resolveReady = resolve; });
    const source = new WorkerSource();
    source.load().then(() => {
      if (!this.#closed) this.#supervise(source);
    });
  }

  #supervise(source) {
    this.#worker = new WorkerSupervisor({
      create: () => source.create(),
      onMessage: (msg) => this.#receive(msg),
      onStartError: (event) => this.#toAll((c) => c.failed({ message: event.message || 'the engine worker failed to start', kind: 'worker' })),
      onRestart: (why) => {
        this.#forgetWorker('the engine restarted');
        this.#toAll((c) => c.restarted(why));
      },
    });
    for (const message of this.#waiting.splice(0)) this.#worker.post(message);
  }

  #post(message) {
    if (this.#worker) this.#worker.post(message);
    else this.#waiting.push(message);
  }

  /**
   * The channel `name` with callbacks { onData, onFrame, onError, onRestart }: made on first use,
   * later the same channel with new callbacks (a new run on it), so its configurations keep counting.
   */
  channel(name, callbacks) {
    if (!this.#channels.has(name)) this.#channels.set(name, new Channel((message) => this.#post({ channel: name, ...message }), this));
    const channel = this.#channels.get(name);
    channel.callbacks = callbacks;
    return channel;
  }

  #toAll(f) {
    for (const channel of this.#channels.values()) f(channel);
  }

  #receive(msg) {
    if (msg.type === 'info') {
      this.info = msg.info;
      this.#resolveReady(new EngineRules(msg.info));
    }
    else if (msg.type === 'reply') this.#reply(msg);
    else if (msg.type === 'error' && !msg.channel) this.#toAll((c) => c.failed(msg));
    else this.#channels.get(msg.channel)?.receive(msg);
  }

  /** Drops what was waiting for the worker that is gone. */
  #forgetWorker(message) {
    for (const { reject } of this.#requests.values()) reject({ message, kind: 'engine' });
    this.#requests.clear();
    this.#toAll((c) => c.forget());
  }

  /** Sends a request on a channel; resolves to the worker's answer, rejects with { message, kind }. */
  request(send, question) {
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      this.#requests.set(id, { resolve, reject });
      send({ type: 'request', id, ...question });
    });
  }

  #reply(msg) {
    const pending = this.#requests.get(msg.id);
    this.#requests.delete(msg.id);
    if (msg.error) pending?.reject(msg.error);
    else pending?.resolve(msg.value);
  }

  /** A fresh id for a message that expects an answer. */
  nextId() {
    return ++this.#nextId;
  }

  /** Stops the worker (an element removed from its page). */
  terminate() {
    this.#closed = true;
    this.#worker?.terminate();
    this.#forgetWorker('the playground was closed');
  }
}

/** One run's conversation with the worker (EngineClient.channel). */
class Channel {
  #send;
  #client;
  callbacks = {};
  #generation = 0;
  #frames = new WeakSet();  // the frames the current worker sent: only those are acknowledged
  #predictions = new Map();
  #pendingPoint = null;
  #predicting = false;

  constructor(send, client) {
    this.#send = send;
    this.#client = client;
  }

  receive(msg) {
    if (msg.type === 'error') return msg.generation === undefined || msg.generation === this.#generation ? this.callbacks.onError?.(msg) : undefined;
    if (msg.type === 'prediction') return this.#answer(msg);
    if (msg.type === 'frame') this.#frames.add(msg);
    if (msg.generation !== this.#generation) {
      if (msg.type === 'frame') this.done(msg);  // stale, but it still holds the worker's slot
    } else if (msg.type === 'data') this.callbacks.onData?.(msg.data);
    else if (msg.type === 'frame') this.callbacks.onFrame?.(msg);
  }

  failed(error) { this.callbacks.onError?.(error); }
  restarted(why) { this.callbacks.onRestart?.(why); }

  /** Drops what was waiting for the worker that is gone. */
  forget() {
    this.#generation += 1;
    this.#frames = new WeakSet();
    for (const resolve of this.#predictions.values()) resolve(null);
    this.#predictions.clear();
    this.#predicting = false;
    this.#flushPredict();
  }

  /** A new run from plan { specs: { name: spec }, watch } (null: none): a reset. */
  configure(plan) {
    this.#generation += 1;
    this.#send({ type: 'configure', generation: this.#generation, plan });
  }

  play() { this.#send({ type: 'play' }); }
  pause() { this.#send({ type: 'pause' }); }
  /** Pauses and trains `epochs` more epochs; the frame after them has `stepped: true`. */
  step(epochs = 1) { this.#send({ type: 'step', epochs }); }
  /** Live settings: { speed } (state.js's: epochs per frame, or 'N/s' updates per second), { limit } epochs, { lr }. */
  set(settings) { this.#send({ type: 'set', ...settings }); }

  /**
   * Asks the worker about the current models: { what: 'pytorch' | 'weights' | 'csv', panel },
   * { what: 'setWeights', panel, weights }, { what: 'checkCsv', data } (any data spec: its size,
   * features and classes), { what: 'memory' } or { what: 'trace', panel, sample? }: one traced
   * update of that model (the step inspector).
   */
  request(question) {
    return this.#client.request(this.#send, question);
  }

  /** Tells the worker a frame has been drawn, so it may send the next. */
  done(frame) {
    if (this.#frames.has(frame)) this.#send({ type: 'ack', seq: frame.seq });
    this.#frames.delete(frame);
  }

  /**
   * Every model's predictions at a data point: resolves to { point, models }. While one request
   * is out, only the newest point waits; older ones resolve to null, and so does a request the
   * worker cannot answer (no models yet, a point they cannot take, or a configuration ago).
   */
  predict(point) {
    return new Promise((resolve) => {
      this.#pendingPoint?.resolve(null);
      this.#pendingPoint = { point, resolve };
      this.#flushPredict();
    });
  }

  #flushPredict() {
    if (this.#predicting || !this.#pendingPoint) return;
    const { point, resolve } = this.#pendingPoint;
    this.#pendingPoint = null;
    const id = this.#client.nextId();
    this.#predictions.set(id, resolve);
    this.#predicting = true;
    this.#send({ type: 'predict', id, point });
  }

  #answer(msg) {
    this.#predictions.get(msg.id)?.(msg.models && msg.generation === this.#generation ? { point: msg.point, models: msg.models } : null);
    this.#predictions.delete(msg.id);
    this.#predicting = false;
    this.#flushPredict();
  }
}
