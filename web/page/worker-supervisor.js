// Keeps an engine worker alive: starts it, notices when it dies and starts a new one. A worker is
// dead when, after it has said anything at all, it fires an 'error' event (an exception nothing in
// the worker caught: its state can no longer be trusted) or stops answering: every PING_MS the
// supervisor sends { type: 'ping' }, which the worker answers with { type: 'pong' } between two
// slices of training, and SILENT_MS without any message while a ping is unanswered is a hang (a
// worker working through a backlog of messages still sends frames). Work that blocks the worker
// for long on purpose (a very large model's update) is announced by the worker with
// { type: 'busy', ms }: its estimate of the longest it can stay silent, added to SILENT_MS.
//
// A dead worker is terminated and a fresh one started at once; onRestart({ reason, detail,
// restarts, repeated }) then tells the owner (engine-client.js), which sets its experiment up
// again. `restarts` counts the restarts within RESTART_WINDOW_MS, this one included; `repeated`
// says that they are more than MAX_RESTARTS: the owner
// should then wait for the learner instead of training again by itself. An error before the
// worker's first message is a worker that could not start (its script or the engine failed to
// load): onStartError(event), and no restart, since a new one would fail the same way.
//
// Only the timing is judged when the page's timers run on time: a hidden tab's throttled timers
// or a frozen page (whose worker is frozen too) would otherwise look like a hang.

export const PING_MS = 1000;
export const SILENT_MS = 15000;
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 5 * 60 * 1000;

const realClock = {
  now: () => performance.now(),
  every: (fn, ms) => setInterval(fn, ms),
  stop: (id) => clearInterval(id),
};

export class WorkerSupervisor {
  #create;
  #onMessage;
  #onStartError;
  #onRestart;
  #clock;
  #worker = null;
  #timer = null;
  #alive = false;       // the current worker has sent a message
  #pingSent = null;     // when the unanswered ping was sent, else null
  #heard = 0;           // when the worker's last message came
  #allowance = 0;       // the worker's latest 'busy' estimate, in ms
  #lastTick = 0;
  #restarts = [];       // when the recent restarts happened

  /**
   * create(): a new Worker. onMessage(data): every message but pong and busy. onStartError(event):
   * the worker could not start. onRestart({ reason: 'crash' | 'silent', detail, restarts, repeated }):
   * a dead worker was replaced ('silent': detail is the seconds it was silent). clock: { now, every, stop } (tests pass a fake one).
   */
  constructor({ create, onMessage, onStartError, onRestart, clock = realClock }) {
    this.#create = create;
    this.#onMessage = onMessage;
    this.#onStartError = onStartError;
    this.#onRestart = onRestart;
    this.#clock = clock;
    this.#start();
    this.#lastTick = clock.now();
    this.#timer = clock.every(() => this.#tick(), PING_MS);
  }

  /** Sends a message to the current worker. */
  post(message, transfer) {
    this.#worker?.postMessage(message, transfer ?? []);
  }

  /** Stops the worker and the watch for good. */
  terminate() {
    this.#clock.stop(this.#timer);
    this.#timer = null;
    this.#stopWorker();
  }

  #start() {
    const worker = this.#create();
    this.#worker = worker;
    this.#alive = false;
    this.#pingSent = null;
    this.#allowance = 0;
    worker.onmessage = ({ data }) => {
      if (worker !== this.#worker) return;
      this.#alive = true;
      this.#heard = this.#clock.now();
      if (data?.type === 'pong') this.#pingSent = null;
      else if (data?.type === 'busy') this.#allowance = Number.isFinite(data.ms) && data.ms > 0 ? data.ms : 0;
      else this.#onMessage(data);
    };
    worker.onerror = (event) => {
      if (worker !== this.#worker) return;
      event.preventDefault?.();  // handled here: not also an uncaught error in the page's console
      if (!this.#alive) this.#onStartError(event);
      else this.#died('crash', event.message || '');
    };
  }

  #stopWorker() {
    const worker = this.#worker;
    this.#worker = null;
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
  }

  #tick() {
    if (!this.#worker) return;
    const now = this.#clock.now();
    const late = now - this.#lastTick > 3 * PING_MS;
    this.#lastTick = now;
    if (late) this.#pingSent = null;  // throttled or frozen: start the count again
    if (this.#pingSent === null) {
      this.#pingSent = now;
      this.post({ type: 'ping' });
    } else if (this.#alive && now - Math.max(this.#pingSent, this.#heard) > SILENT_MS + this.#allowance) {
      this.#died('silent', String(Math.round((now - Math.max(this.#pingSent, this.#heard)) / 1000)));
    }
  }

  #died(reason, detail) {
    const now = this.#clock.now();
    this.#stopWorker();
    this.#restarts = [...this.#restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    this.#start();
    const restarts = this.#restarts.length;
    this.#onRestart({ reason, detail, restarts, repeated: restarts > MAX_RESTARTS });
  }
}
