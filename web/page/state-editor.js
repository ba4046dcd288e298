// How a playground's state changes: a patch becomes a candidate state, the engine's rules
// reconcile it (state.js's reconcile, saying what had to change), and a control's edit the engine
// then refuses is undone. The class count of imported or drawn data is known only once the engine
// has read it, so this remembers what it read, keyed by the data (dataKey).
import { changedKeys, dataSpecOf, reconcile, specsOf, taskOf } from '../shared/state.js';

export class StateEditor {
  #rulesOf;
  #t;
  #notify;
  #learned = { key: null, classes: null };  // the class count the engine read from imported or drawn data
  #plannedKey = null;  // the data key (dataKey) of the configuration sent last
  #refusable = null;   // the last configuration came from a control's edit: { playing, undo } (the values before it)

  /** rulesOf(): the engine's rules (shared/engine-rules.js); t: the translator; notify(text): a notice. */
  constructor({ rulesOf, t, notify }) {
    this.#rulesOf = rulesOf;
    this.#t = t;
    this.#notify = notify;
  }

  /** A field's label for notices; a panel's field names its panel. */
  labelOf(key) {
    const t = this.#t;
    const [panel, name] = key.includes('.') ? key.split('.') : [null, key];
    return panel ? `${t(name)} (${t(`panel_${panel}`)})` : t(name);
  }

  /** What identifies data whose class count only the engine can tell (imported or drawn), else null. */
  dataKey(state) {
    const rules = this.#rulesOf();
    return rules.datasetClasses(state.data) ? null : JSON.stringify([dataSpecOf(state), taskOf(state, rules)]);
  }

  /** The data's class count: the engine's for a named set, what it read from other data, or null before it has. */
  classesOf(state) {
    return this.#rulesOf().datasetClasses(state.data) ?? (this.#learned.key === this.dataKey(state) ? this.#learned.classes : null);
  }

  /** The state with the engine's defaults and constraints applied (state.js's reconcile), saying what had to change. */
  reconciled(candidate) {
    const t = this.#t;
    const classes = this.classesOf(candidate);
    const { state: fixed, changed } = reconcile(candidate, this.#rulesOf(), classes);
    if (changed.includes('loss')) {
      this.#notify(fixed.loss === 'cross_entropy' && candidate.loss === 'bce' ? t('bceNeedsTwo', { k: classes })
        : t('lossFollowsTask', { loss: t(`loss_${fixed.loss}`) }));
    }
    return fixed;
  }

  /** The state after a patch: another dataset without its own n takes the engine's default size for it. */
  candidate(state, patch) {
    return { ...state, ...patch, ...(patch.data && patch.n === undefined ? { n: null } : {}) };
  }

  // ---- the data the engine reads ----------------------------------------------------------------

  /** The configuration of `state` is sent to the worker: its data key is what the next data belongs to. */
  planned(state) {
    this.#plannedKey = this.dataKey(state);
  }

  /** The worker's data for the configuration sent last: a new run, and (for imported or drawn data) its class count. */
  dataShown(data) {
    this.#refusable = null;
    if (data && this.#plannedKey !== null) this.#learned = { key: this.#plannedKey, classes: data.classes };
  }

  /**
   * The data key of `state` when the engine must read its data before the run starts (imported or
   * drawn data under a loss that needs a class count it has not read yet), else null.
   */
  keyToCheck(state) {
    const key = this.dataKey(state);
    if (key === null || !specsOf(state).a || this.#rulesOf().classesNeeded(state.loss) === null || this.#learned.key === key) return null;
    return key;
  }

  /** The engine read the data of `key`: `classes` classes. */
  learn(key, classes) {
    this.#learned = { key, classes };
  }

  // ---- refusal and undo --------------------------------------------------------------------------

  /**
   * A control's edit took `before` to `after` with `effect` (state.js), `playing` before it: an edit
   * that restarts can be refused by the engine, and then its undo puts back the values before it.
   */
  edited(before, after, effect, playing) {
    const undo = Object.fromEntries(changedKeys(before, after).map((key) => [key, before[key]]));
    if (effect === 'data' || effect === 'train') this.#refusable = { playing, undo };
  }

  /** A restart from anything but an edit: a refusal is no longer the edit's. */
  forget() {
    this.#refusable = null;
  }

  /** The edit the engine's refusal would undo ({ playing, undo }), or null. */
  get refusable() {
    return this.#refusable;
  }
}
