// One run in the worker: a trainer group built from a plan, played, paused and stepped, and the
// frames it sends. The playground's run and a lesson's run are each one Session (worker/main.js
// keeps one per channel), so everything a run needs is in here, in private fields.
//
// Pacing: while playing, each tick trains `speed` epochs, then posts one frame. In slow motion (a
// speed of updates per second, state.js's paceOf) each tick trains one update (trainer-group.js's
// trainUpdate) and the next tick waits for its time, a wait that pause, step, a new plan or a new
// speed cut short. Playing ends at the epoch limit (the page is told by a frame with atLimit);
// when every model diverged the session stays playing with nothing to train, so a reset trains at
// once. At most one frame is in flight: the next is posted only after the page acknowledged the
// last (after drawing it), so a slow page slows training down instead of queueing frames. Between
// slices of training (a group's trainSlice: a bounded number of updates) the session yields, so
// pause, predict and configure are answered within a slice (about 25 ms). A frame is computed in
// parts (playground-group.js's snapshot: each model's grid, diagram and metrics, each within a
// budget, frame-budget.js) with the same yields between them, and a reset abandons the frame under
// way. One loop at a time holds the group (group-hold.js): the play loop, a step, a reset's first
// frame, a paused frame. A reset's first frame is light (the state, the grids, and the metrics
// only when they are cheap); the rest comes with the next frame (paused: right after the page
// acknowledged the first).
//
// A plan is { specs: { name: spec }, watch }: watch.grid (the playground: decision grids of
// grid x grid cells and metrics) or what a lesson's view watches (worker/lesson-group.js).
import { PlaygroundGroup } from './playground-group.js';
import { LessonGroup } from './lesson-group.js';
import { answer, CHANGES_WEIGHTS } from './requests.js';
import { silentMs } from './busy.js';
import { GroupHold, yieldToMessages } from './group-hold.js';
import { paceOf } from '../shared/state.js';

// final() runs a forward pass on every split: not every frame. For a large model (0.2 to 0.7 s for
// 8 x 1024 units) at most every METRICS_SHARE times what the last frame with metrics took, so
// training keeps most of the time and a reset seldom lands in one.
const METRICS_EVERY_MS = 200;
const METRICS_SHARE = 4;

/** The trainer group a plan asks for. Throws the engine's NnplayError for a bad spec. */
const groupOf = (nn, plan) => (plan.watch?.grid ? new PlaygroundGroup(nn, plan.specs, plan.watch) : new LessonGroup(nn, plan));

export class Session {
  #nn;
  #send;
  #announce;
  #fail;
  #group = null;
  #generation = 0;
  #playing = false;
  #pace = { epochsPerFrame: 1 };
  #wake = null;             // ends slow motion's wait for the next tick
  #limit = Infinity;
  #view = {};               // what the page shows inside the networks (trainer-group.js's setView)
  #hold = new GroupHold();  // which loop (play, step, a reset's or a paused frame) owns the group
  #lastMetrics = 0;
  #metricsEvery = METRICS_EVERY_MS;
  #frameSeq = 0;
  #frameInFlight = false;
  #lastFrameHadMetrics = false;
  #framedAt = '';            // every model's epoch and step in the last frame (trainer-group.js's trainedAt)
  #onAck = null;
  /** How long this run may keep the worker silent (worker/busy.js); 0 without a group. */
  silentMs = 0;

  /**
   * nn: the engine; send(message, transfer): posts to the page (main.js adds the channel);
   * announce(): silentMs changed (main.js tells the page's watchdog before the first frame);
   * fail(error): an error in a loop that no message waits for (main.js reports it, or dies of a trap).
   */
  constructor(nn, { send, announce, fail }) {
    this.#nn = nn;
    this.#send = send;
    this.#announce = announce;
    this.#fail = fail;
  }

  /** Starts the play loop in the background (it returns at once if another loop holds the group). */
  #startPlay() {
    this.#play().catch((error) => this.#fail(error, this.#generation));
  }

  #post(message, transfer) {
    this.#send({ generation: this.#generation, ...message }, transfer ?? []);
  }

  #waitForAck() {
    return this.#frameInFlight ? new Promise((resolve) => { this.#onAck = resolve; }) : Promise.resolve();
  }

  #releaseAck() {
    this.#frameInFlight = false;
    const resolve = this.#onAck;
    this.#onAck = null;
    resolve?.();
  }

  /**
   * Computes and posts a frame of the group (the caller holds it); `atLimit`: playing stopped at
   * the epoch limit; `stepped`: it ends a step; `light`: state and grids only (and the metrics when
   * forced: a small model's reset shows its epoch-0 numbers at once). Returns false when
   * the group was replaced meanwhile (the frame is abandoned).
   */
  async #postFrame(forceMetrics, { atLimit = false, stepped = false, light = false } = {}) {
    const group = this.#group;
    const start = performance.now();
    const withMetrics = forceMetrics || (!light && start - this.#lastMetrics >= this.#metricsEvery);
    const frame = await group.snapshot(withMetrics, () => this.#current(group), light);
    if (!frame || group !== this.#group) return false;
    if (withMetrics) {
      this.#lastMetrics = start;
      this.#metricsEvery = Math.max(METRICS_EVERY_MS, METRICS_SHARE * (performance.now() - start));
    }
    this.#lastFrameHadMetrics = withMetrics;
    this.#framedAt = group.trainedAt();
    this.#frameInFlight = true;
    this.#post({ type: 'frame', seq: ++this.#frameSeq, models: frame.models, atLimit, stepped }, frame.transfer);
    return true;
  }

  /** Reads the messages; then whether `group` is still this session's (a reset replaces it). */
  async #current(group) {
    await yieldToMessages();
    return group === this.#group;
  }

  /** Likewise, and whether it still plays (slow motion's pieces of an update stop at a pause). */
  async #stillPlaying(group) {
    return (await this.#current(group)) && this.#playing;
  }

  /**
   * Runs `body` holding the group once the loops before it let it go (nothing else trains it or
   * frames it meanwhile); then a play that came meanwhile goes on, unless another waits its turn.
   */
  async #held(body) {
    await this.#hold.take();
    try {
      await body();
    } finally {
      this.#hold.release();
    }
    if (this.#playing && !this.#hold.wanted) this.#startPlay();
  }

  /** Trains `group` to `target` epochs (once paused, only up to the leader, to stay in step), unless it is replaced. */
  async #trainTo(group, target) {
    while (group === this.#group && !group.trainSlice(this.#playing ? target : group.epoch)) await yieldToMessages();
  }

  /** Waits `ms`, or less if woken (#wakeUp). */
  #sleep(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#wakeUp(), Math.max(0, ms));
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  #wakeUp() {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  /**
   * The play loop: ticks of `speed` epochs (or, in slow motion, of one update at its time), one
   * frame each, until paused, finished or replaced.
   */
  async #play() {
    const group = this.#group;
    if (!group || !this.#hold.tryTake()) return;
    // It ends when the group is replaced: the reset's first frame waits its turn, then plays on.
    const mine = () => group === this.#group;
    try {
      while (this.#playing && mine() && !group.idle(this.#limit)) {
        const tick = performance.now();
        const { epochsPerFrame, updatesPerSecond } = this.#pace;
        if (updatesPerSecond) await group.trainUpdate(this.#limit, () => this.#stillPlaying(group));
        else await this.#trainTo(group, Math.min(group.epoch + epochsPerFrame, this.#limit));
        await this.#waitForAck();
        if (!mine()) break;
        // Paused inside an update (a large model trains one in pieces): nothing new to show, and a
        // frame of a large model costs as much as a second of training.
        if (!this.#playing && this.#lastFrameHadMetrics && group.trainedAt() === this.#framedAt) break;
        const atLimit = group.finished(this.#limit);
        if (atLimit) this.#playing = false;
        await this.#postFrame(!this.#playing || group.idle(this.#limit), { atLimit });
        await yieldToMessages();
        if (updatesPerSecond && this.#playing) await this.#sleep(tick + 1000 / updatesPerSecond - performance.now());
      }
      // Paused between two ticks: the last frame may lack the metrics a paused page should show
      // (unless a step or a trace waits for the group: it posts a full frame of its own).
      if (mine() && !this.#lastFrameHadMetrics && !this.#hold.wanted) {
        await this.#waitForAck();
        if (mine() && !this.#playing) await this.#postFrame(true);
      }
    } finally {
      this.#hold.release();
    }
    // A play that came during the paused frame above goes on (a waiter restarts it itself).
    if (this.#playing && mine() && !group.idle(this.#limit) && !this.#hold.wanted) this.#startPlay();
  }

  /** A plan (or null: no run) replaces the group: a reset. Posts the dataset and a first frame. */
  configure({ generation, plan }) {
    this.#generation = generation;
    this.#wakeUp();
    this.#group?.dispose();
    this.#group = null;
    this.#releaseAck();
    this.silentMs = 0;
    if (!plan) {
      this.#announce();
      return this.#post({ type: 'data', data: null });
    }
    this.#group = groupOf(this.#nn, plan);
    const group = this.#group;
    group.setView(this.#view);
    const { x, y, splitEnd, splitColumn, classes, features, task } = group.data;  // the group needs them no more: hand them over
    const models = Object.entries(plan.specs).map(([name, spec]) => ({ parameters: group.models[name].trainer.parameterCount,
      batchSize: spec.batch_size ?? 0 }));
    this.silentMs = silentMs(models, group.data, plan.watch?.grid ?? 0);
    this.#announce();
    this.#post({ type: 'data', data: { x, y, splitEnd, splitColumn, classes, features, task, bounds: group.bounds } }, [x.buffer, y.buffer]);
    // The first frame once the loop under way let go (it stops at its next look at the messages).
    return this.#held(async () => {
      if (group !== this.#group || !(await this.#postFrame(group.metricsCheap(), { light: true })) || this.#playing) return;
      await this.#waitForAck();
      if (group === this.#group && !this.#playing) await this.#postFrame(true);
    });
  }

  async play() {
    this.#playing = true;
    const group = this.#group;
    if (!group || !group.finished(this.#limit)) return group && this.#play();
    // Nothing left to train below the limit: say so with a frame that is not playing.
    this.#playing = false;
    await this.#held(async () => {
      await this.#waitForAck();
      if (group === this.#group) await this.#postFrame(true, { atLimit: true });
    });
  }

  pause() {
    this.#playing = false;
    this.#wakeUp();
  }

  /** Pauses, then trains `epochs` (default 1) epochs on every model and posts a frame. */
  async step({ epochs }) {
    this.#playing = false;
    this.#wakeUp();
    await this.#held(async () => {
      const group = this.#group;
      if (!group || group.idle(Infinity)) return;
      const target = group.epoch + Math.max(1, Math.floor(epochs ?? 1));
      while (group === this.#group && !group.trainSlice(target)) await yieldToMessages();
      await this.#waitForAck();
      if (group === this.#group) await this.#postFrame(true, { stepped: true });
    });
  }

  /** Live settings: speed (state.js's: epochs per frame, or 'N/s' updates per second), limit (epochs), lr, view (a paused run shows it at once). */
  async set({ speed, limit, lr, view }) {
    if (speed !== undefined && JSON.stringify(paceOf(speed)) !== JSON.stringify(this.#pace)) {
      this.#pace = paceOf(speed);
      this.#wakeUp();  // a faster pace starts now
    }
    if (limit !== undefined) this.#limit = limit;
    if (lr !== undefined) this.#group?.setLr(lr);
    if (view !== undefined && JSON.stringify(view) !== JSON.stringify(this.#view)) {
      this.#view = view;
      this.#group?.setView(view);
      await this.#showNow();
    }
  }

  /** Paused (no loop holds the group), one frame shows the models as they are now. */
  async #showNow() {
    const group = this.#group;
    if (!group || this.#hold.held) return;
    await this.#held(async () => {
      await this.#waitForAck();
      if (group === this.#group) await this.#postFrame(true);
    });
  }

  /**
   * Every model's prediction at a point, for the hover readout. A point the models cannot take
   * (a plot of 2 inputs over data of 3 or more) answers null: a hover is never a settings error.
   */
  predict({ id, point }) {
    let models = null;
    try {
      models = this.#group ? this.#group.predict(point) : null;
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) throw error;
    }
    this.#post({ type: 'prediction', id, point, models });
  }

  ack({ seq }) {
    if (seq === this.#frameSeq) this.#releaseAck();
  }

  /** An export, new weights or a traced update (worker/requests.js); new weights are shown at once. */
  async request(msg) {
    let reply;
    if (msg.what === 'trace') {  // it trains: paused, once no loop holds the group
      this.#playing = false;
      this.#wakeUp();
      await this.#held(async () => { reply = answer(this.#nn, this.#group, msg); });
    } else {
      reply = answer(this.#nn, this.#group, msg);
    }
    this.#send({ type: 'reply', id: msg.id, ...reply });
    // While playing, the next frame shows the new weights; paused, one frame shows them now.
    if (!CHANGES_WEIGHTS.has(msg.what) || reply.error) return;
    await this.#showNow();
  }

  /** Lets the trainers go (the page closed this channel). */
  dispose() {
    this.#playing = false;
    this.#wakeUp();
    this.#group?.dispose();
    this.#group = null;
    this.#releaseAck();
  }
}
