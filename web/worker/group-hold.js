// Who holds a session's trainer group: one loop at a time trains it or computes a frame of it
// (session.js), because both run in parts with message reads between them, and a frame computed
// while another loop trains the same models would mix two states. The play loop takes the group
// only when it is free and nobody waits for it; the others (a reset's first frame, a step, a
// paused frame) wait their turn in order of arrival. Runs in the worker only.

/** Lets queued messages run (a macrotask turn without setTimeout's clamping). */
export function yieldToMessages() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
}

export class GroupHold {
  #held = false;
  #queue = [];  // the waiters' wake-ups, first come first served

  /** Whether a loop holds the group now. */
  get held() {
    return this.#held;
  }

  /** Whether a loop waits for the group (then the play loop does not start: the waiter restarts it). */
  get wanted() {
    return this.#queue.length > 0;
  }

  /** Takes the group if it is free and nobody waits; returns whether it did (the play loop's way). */
  tryTake() {
    if (this.#held || this.#queue.length > 0) return false;
    this.#held = true;
    return true;
  }

  /** Resolves once this caller holds the group (after those who asked first). */
  take() {
    if (this.tryTake()) return Promise.resolve();
    return new Promise((resolve) => this.#queue.push(resolve));
  }

  /** Lets the group go: to the first waiter, if any. */
  release() {
    const next = this.#queue.shift();
    if (next) next();  // held passes on: it stays true
    else this.#held = false;
  }
}
