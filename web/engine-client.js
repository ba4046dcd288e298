// The page's side of the worker protocol (worker.js). It starts the worker, sends commands and
// hands what comes back to callbacks: onData (the dataset of a new configuration), onFrame
// (training progress), onError. Frames from an earlier configuration are dropped. The page calls
// done(frame) after drawing a frame; only then does the worker send the next. request() asks
// something of the current models (an export, new weights) and resolves to the worker's reply.
//
// The worker is watched (worker-supervisor.js): when it dies it is replaced by a fresh one and
// onRestart({ reason, detail, restarts, repeated }) asks the owner to set its experiment up again
// (the new worker knows nothing: configure, set and play as at the start). Requests still out are
// rejected, predictions still out resolve to null, frames of the dead worker are never acked.
import { createWorker } from './worker-source.js';
import { WorkerSupervisor } from './worker-supervisor.js';

export class EngineClient {
  #worker;
  #generation = 0;
  #frames = new WeakSet();  // the frames the current worker sent: only those are acknowledged
  #predictions = new Map();
  #nextId = 0;
  #pendingPoint = null;
  #predicting = false;
  #requests = new Map();

  constructor({ onReady, onData, onFrame, onError, onRestart }) {
    this.#worker = new WorkerSupervisor({
      create: createWorker,
      onMessage: (msg) => {
        if (msg.type === 'ready') onReady?.();
        else if (msg.type === 'error') onError?.(msg);
        else if (msg.type === 'prediction') this.#answer(msg);
        else if (msg.type === 'reply') this.#reply(msg);
        else {
          if (msg.type === 'frame') this.#frames.add(msg);
          if (msg.generation !== this.#generation) {
            if (msg.type === 'frame') this.done(msg);  // stale, but it still holds the worker's slot
          } else if (msg.type === 'data') onData?.(msg.data);
          else if (msg.type === 'frame') onFrame?.(msg);
        }
      },
      onStartError: (event) => onError?.({ message: event.message || 'the engine worker failed to start', kind: 'worker' }),
      onRestart: (why) => {
        this.#forgetWorker('the engine restarted');
        onRestart?.(why);
      },
    });
  }

  /** Drops what was waiting for the worker that is gone. */
  #forgetWorker(message) {
    this.#generation += 1;
    this.#frames = new WeakSet();
    for (const { reject } of this.#requests.values()) reject({ message, kind: 'engine' });
    this.#requests.clear();
    for (const resolve of this.#predictions.values()) resolve(null);
    this.#predictions.clear();
    this.#predicting = false;
    this.#flushPredict();
  }

  #send(message) {
    this.#worker.post(message);
  }

  /** Builds new trainers from { a: spec, b: spec } (or clears them with null): a reset. */
  configure(specs, gridSize) {
    this.#generation += 1;
    this.#send({ type: 'configure', generation: this.#generation, specs, gridSize });
  }

  /** Builds a lesson's trainers from its plan ({ specs, watch }: web/lessons/catalog.js): a reset. */
  configureLesson(plan) {
    this.#generation += 1;
    this.#send({ type: 'configure', generation: this.#generation, specs: plan.specs, lesson: plan });
  }

  play() { this.#send({ type: 'play' }); }
  pause() { this.#send({ type: 'pause' }); }
  /** Pauses and trains `epochs` more epochs; the frame after them has `stepped: true`. */
  step(epochs = 1) { this.#send({ type: 'step', epochs }); }

  /**
   * Asks the worker about the current models: { what: 'pytorch' | 'weights' | 'csv', panel } or
   * { what: 'setWeights', panel, layers }. Resolves to the answer; rejects with { message, kind }.
   */
  request(question) {
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      this.#requests.set(id, { resolve, reject });
      this.#send({ type: 'request', id, ...question });
    });
  }

  #reply(msg) {
    const pending = this.#requests.get(msg.id);
    this.#requests.delete(msg.id);
    if (msg.error) pending?.reject(msg.error);
    else pending?.resolve(msg.value);
  }

  /** Stops the worker (an element removed from its page). */
  terminate() {
    this.#worker.terminate();
    this.#forgetWorker('the playground was closed');
  }


  /** Live settings: { speed } epochs per frame, { limit } epochs, { lr }. */
  set(settings) { this.#send({ type: 'set', ...settings }); }

  /** Tells the worker a frame has been drawn, so it may send the next. */
  done(frame) {
    if (this.#frames.has(frame)) this.#send({ type: 'ack', seq: frame.seq });
    this.#frames.delete(frame);
  }

  /**
   * Both models' predictions at a data point: resolves to { point, models: { a, b } }.
   * While one request is out, only the newest point waits; older ones resolve to null, and so
   * does a request the worker cannot answer (no models yet, or a configuration ago).
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
    const id = ++this.#nextId;
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
