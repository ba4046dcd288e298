// One run on the page: the playground's or a lesson's. It owns what every run does the same way,
// so each view only draws: the channel to the engine worker (engine-client.js), the frame queue
// (frames are drawn once per animation frame, then acknowledged, so the worker sends the next),
// play, pause, step and reset, the run's status, and the worker's restarts (the run is set up
// again from its plan, at epoch 0, playing on if it was, unless the restarts repeat).
// Once playing stopped at the epoch limit by itself, a reset or a higher limit plays again, as
// the notices say; a run the learner paused (or stepped) stays paused.
//
// The owner passes:
//   plan()            the plan to train ({ specs, watch }), or null when there is nothing to train
//   settings()        the live settings to send after every reset: { speed, limit }
//   onData(data)      the dataset of a new configuration
//   draw(frame)       one frame, in order; frame.models.trainers holds every model's part
//   stepped()         what a step resolves to, once its frame is drawn (or the worker restarted)
//   onLimit()         playing stopped at the epoch limit
//   onResume()        a reset (or a higher limit) after playing stopped at the limit: play on (default: setPlaying(true))
//   onStatus()        playing, finished, diverged or loaded changed: show them
//   onError(error)    the engine refused the plan ({ kind: 'spec' | 'engine' | 'worker', message })
//   onRestart(why)    the worker was replaced ({ reason, detail, restarts, repeated }), after the reset
export class Run {
  #channel;
  #owner;
  #queue = [];
  #steps = [];
  #settings = {};
  playing = false;
  finished = false;   // playing stopped at the limit
  diverged = false;   // every model diverged
  loaded = false;     // a frame of the current configuration was drawn
  hasData = false;    // the current configuration has data (a drawing may have no points yet)
  closed = false;

  /** client: the page's EngineClient; name: this run's channel; owner: the callbacks above. */
  constructor(client, name, owner) {
    this.#owner = owner;
    this.#channel = client.channel(name, {
      onData: (data) => {
        this.hasData = Boolean(data);
        owner.onData?.(data);
      },
      onFrame: (frame) => this.#queueFrame(frame),
      onError: (error) => {
        this.setPlaying(false);
        owner.onError?.(error);
      },
      onRestart: (why) => this.#restarted(why),
    });
  }

  /** The models' predictions at a point ({ point, models } or null): the hover readout. */
  predict(point) { return this.#channel.predict(point); }
  /** A question about the current models (engine-client.js's request). */
  request(question) { return this.#channel.request(question); }

  /** Live settings ({ speed, limit, lr }); speed and limit are sent again after every reset. */
  set(settings) {
    const { lr, ...kept } = settings;
    const raised = kept.limit > (this.#settings.limit ?? Infinity);
    Object.assign(this.#settings, kept);
    this.#channel.set(settings);
    if (raised && this.finished) this.#resume();
  }

  /** New trainers from the plan: back to epoch 0. Frames not drawn yet show the old ones: dropped. */
  reset() {
    const resume = this.finished;
    this.#dropQueue();
    this.finished = false;
    this.diverged = false;
    this.loaded = false;
    const plan = this.#owner.plan();
    this.hasData = Boolean(plan);
    this.#channel.configure(plan);
    this.#channel.set(this.#owner.settings?.() ?? this.#settings);
    this.#owner.onStatus?.();
    if (resume) this.#resume();
  }

  /** Plays again after stopping at the limit (the owner may defer it: a playground hidden behind a lesson). */
  #resume() {
    if (this.#owner.onResume) this.#owner.onResume();
    else this.setPlaying(true);
  }

  setPlaying(on) {
    this.playing = on;
    this.finished = false;
    if (on) this.#channel.play();
    else this.#channel.pause();
    this.#owner.onStatus?.();
  }

  /** Pauses and trains n epochs; resolves to owner.stepped() once the frame after them is drawn (or the worker restarted). */
  step(n = 1) {
    this.setPlaying(false);
    return new Promise((resolve) => {
      this.#steps.push(resolve);
      this.#channel.step(n);
    });
  }

  /** 'empty' | 'loading' | 'diverged' | 'finished' | 'training' | 'paused'. */
  status() {
    if (!this.hasData) return 'empty';
    if (!this.loaded) return 'loading';
    return this.activity();
  }

  /** 'diverged' | 'finished' | 'training' | 'paused'. */
  activity() {
    return this.diverged ? 'diverged' : this.finished ? 'finished' : this.playing ? 'training' : 'paused';
  }

  /** Stops: the worker lets this run's trainers go. */
  close() {
    this.closed = true;
    this.#dropQueue();
    this.#channel.pause();
    this.#channel.configure(null);
  }

  #queueFrame(frame) {
    if (this.closed) return this.#channel.done(frame);
    this.#queue.push(frame);
    if (this.#queue.length === 1) requestAnimationFrame(() => this.#drawQueue());
  }

  /** Acknowledges the frames not drawn (they show trainers being replaced), so the worker is not kept waiting. */
  #dropQueue() {
    for (const frame of this.#queue.splice(0)) this.#channel.done(frame);
  }

  #drawQueue() {
    const frames = this.#queue.splice(0);
    if (this.closed) return frames.forEach((f) => this.#channel.done(f));
    let stepped = false;
    for (const frame of frames) {
      const models = Object.values(frame.models.trainers);
      this.loaded = true;
      this.diverged = models.every((m) => m.status === 'diverged');
      if (frame.atLimit && this.playing) {
        this.playing = false;
        this.finished = true;
        this.#owner.onLimit?.();
      }
      this.#owner.draw(frame);
      stepped ||= frame.stepped;
      this.#channel.done(frame);
    }
    this.#owner.onStatus?.();
    if (stepped) this.#resolveSteps();
  }

  #resolveSteps() {
    if (this.#steps.length === 0) return;
    const value = this.#owner.stepped?.();
    for (const resolve of this.#steps.splice(0)) resolve(value);
  }

  /** The worker died and a new one runs: this run again from its plan, playing on if it was (unless `repeated`). */
  #restarted(why) {
    this.#queue = [];  // the dead worker's: never drawn, never acknowledged
    this.#resolveSteps();
    if (this.closed) return;
    const playing = this.playing;
    this.finished = false;  // a run stopped at the limit waits at epoch 0 on the new worker
    this.reset();
    this.setPlaying(playing && !why.repeated);
    this.#owner.onRestart?.(why);
  }
}
