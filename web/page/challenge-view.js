// A challenge on the page (../shared/challenges.js): a small box above the two panels with the
// goal, the live progress towards it, the epoch it was reached at, the hint and the solution on
// request; the cells of the metrics it watches outlined; the controls it locks disabled (with the
// reason beside them) and the ones it hides hidden. Each change of its progress (a step or the
// goal reached, the budget run out) is dispatched on the host as an 'nnplay-goal' event, which the
// postMessage API (message-api.js) forwards to an embedding page as { type: 'nnplay:goal' }.
import { GoalTracker, goalOf } from '../shared/challenges.js';
import { el, setText } from './dom.js';

const NO_GOAL = 'none';
const CLEARED = { challenge: '', goal: '', budget: null, lock: '', hide: '', title: '', hint: '', solution: '' };

/** The control elements of a state key (controls.js's ids: ctl-KEY and ctl-KEY-*), and the row that holds each. */
function controlsOf(root, key) {
  const id = `ctl-${key.replace('.', '-')}`;
  return [...root.querySelectorAll(`[id="${id}"], [id^="${id}-"]`)].map((element) => ({
    element, row: element.closest('.control-pair') ?? element.closest('.control, fieldset') ?? element,
  }));
}

/** One view per epoch of the frame's records: { a, b } each { epoch, status: 'ok', metrics: { val } } (the record's). */
function epochViews(models) {
  const byEpoch = new Map();
  for (const [name, model] of Object.entries(models)) {
    for (const r of model.records ?? []) {
      if (!r.val) continue;
      if (!byEpoch.has(r.epoch)) byEpoch.set(r.epoch, {});
      byEpoch.get(r.epoch)[name] = { epoch: r.epoch, status: 'ok', metrics: { val: r.val } };
    }
  }
  return byEpoch.values();
}

export class ChallengeView {
  #root;
  #host;
  #t;
  #modelName;
  #onApply;
  #onLeave;
  #box;
  #parts = {};
  #goal = null;
  #errors = [];
  #key = NO_GOAL;
  #tracker = null;
  #announced = false;

  /**
   * root: the playground's root (controls and panels are found under it); host: gets the
   * 'nnplay-goal' events; t: the translator; modelName(panel): the panel's model's name;
   * onApply(patch): train the solution's settings from epoch 0; onLeave(patch): the state without a challenge.
   */
  constructor(root, { host, t, modelName, onApply, onLeave }) {
    this.#root = root;
    this.#host = host;
    this.#t = t;
    this.#modelName = modelName;
    this.#onApply = onApply;
    this.#onLeave = onLeave;
    this.#box = this.#build();
    const anchor = root.querySelector('.panels') ?? root.querySelector('.layout');
    anchor.before(this.#box);
  }

  #build() {
    const p = this.#parts;
    const button = (name, className) => el('button', { type: 'button', className: `secondary ${className}` });
    p.heading = el('h2', { id: 'challenge-heading' });
    p.goal = el('p', { className: 'goal-text' });
    p.progress = el('progress', { max: 1, value: 0 });
    p.now = el('span', { className: 'goal-now' });
    p.status = el('p', { className: 'goal-status', role: 'status' });
    p.status.setAttribute('aria-live', 'polite');
    p.errors = el('ul', { className: 'goal-errors' });
    p.hint = el('p', { className: 'goal-hint', id: 'challenge-hint', hidden: true });
    p.solution = el('p', { className: 'goal-solution', id: 'challenge-solution', hidden: true });
    p.hintButton = button('hint', 'goal-hint-toggle');
    p.solutionButton = button('solution', 'goal-solution-toggle');
    p.applyButton = button('apply', 'goal-apply');
    p.leaveButton = button('leave', 'goal-leave');
    for (const [b, text] of [[p.hintButton, p.hint], [p.solutionButton, p.solution]]) {
      b.setAttribute('aria-controls', text.id);
      b.setAttribute('aria-expanded', 'false');
      b.addEventListener('click', () => {
        text.hidden = !text.hidden;
        b.setAttribute('aria-expanded', String(!text.hidden));
      });
    }
    p.applyButton.addEventListener('click', () => this.#applyAnswer());
    p.leaveButton.addEventListener('click', () => this.#onLeave({ ...CLEARED }));
    const box = el('section', { className: 'challenge', hidden: true },
      el('div', { className: 'goal-head' }, p.heading, p.leaveButton), p.goal, p.errors,
      el('div', { className: 'goal-progress' }, p.progress, p.now,
        el('div', { className: 'goal-actions' }, p.hintButton, p.solutionButton, p.applyButton)), p.status, p.hint, p.solution);
    box.setAttribute('aria-labelledby', p.heading.id);
    return box;
  }

  /** Whether the current goal locks the setting `key` (the coach does not change a locked learning rate). */
  locks(key) {
    return this.#goal?.lock.includes(key) ?? false;
  }

  /** The goal now (for the postMessage API's getGoal): what an 'nnplay-goal' event carries, or null. */
  detail() {
    if (!this.#tracker) return this.#errors.length ? { id: null, status: 'error', errors: this.#errors } : null;
    const pr = this.#tracker.progress();
    return { id: this.#goal.id, goal: this.#goal.text, status: pr.status, reached: pr.status === 'reached', step: pr.step + 1,
      steps: pr.steps, epoch: pr.epoch, value: Number.isFinite(pr.value) ? pr.value : null,
      target: Number.isFinite(pr.target) ? pr.target : null };
  }

  // ---- the state: which goal, which controls ------------------------------------------------

  /** Before the controls render: what the last goal locked and hid is given back (controls.js then renders as it would). */
  unlockControls() {
    for (const element of this.#root.querySelectorAll('[data-locked="challenge"]')) {
      element.disabled = false;
      element.removeAttribute('data-locked');
      if (element.dataset.lockTitle) element.title = element.dataset.lockTitle;
      else element.removeAttribute('title');
      element.removeAttribute('data-lock-title');
    }
    for (const row of this.#root.querySelectorAll('.locked')) row.classList.remove('locked');
    for (const note of this.#root.querySelectorAll('.lock-note')) note.remove();
    for (const row of this.#root.querySelectorAll('[data-hidden-by="challenge"]')) {
      row.hidden = false;
      row.removeAttribute('data-hidden-by');
    }
  }

  /** After the controls render: the goal of `state` (on data of `task`: goalOf), its locks and hides, and its text. */
  render(state, task) {
    const { goal, errors } = goalOf(state, task);
    const key = goal ? JSON.stringify([goal.id, goal.text, goal.budget]) : errors.length ? JSON.stringify(errors) : NO_GOAL;
    if (key !== this.#key) {
      this.#key = key;
      this.#goal = goal;
      this.#errors = errors;
      this.#tracker = goal ? new GoalTracker(goal) : null;
      this.#announced = false;
      this.#parts.hint.hidden = this.#parts.solution.hidden = true;
      for (const b of [this.#parts.hintButton, this.#parts.solutionButton]) b.setAttribute('aria-expanded', 'false');
    }
    this.#box.hidden = !goal && errors.length === 0;
    if (goal) this.#lock(goal);
    this.#watchCells(goal);
    this.#showText();
    this.#showProgress();
  }

  #lock(goal) {
    const t = this.#t;
    for (const key of goal.lock) {
      for (const { element, row } of controlsOf(this.#root, key)) {
        const targets = element.matches('input, select, button, fieldset') ? [element] : [...element.querySelectorAll('input, select, button')];
        for (const target of targets) {
          if (target.title) target.dataset.lockTitle = target.title;  // given back on unlocking
          target.disabled = true;
          target.dataset.locked = 'challenge';
          target.title = t('teach.locked');
        }
        row.classList.add('locked');
        if (!row.querySelector(':scope > .lock-note')) row.append(el('p', { className: 'hint lock-note', textContent: t('teach.locked') }));
      }
    }
    for (const key of goal.hide) {
      for (const { row } of controlsOf(this.#root, key)) {
        row.hidden = true;
        row.dataset.hiddenBy = 'challenge';
      }
    }
  }

  /** Outlines the metrics table cells the goal reads (data-field="split-metric" of its panels). */
  #watchCells(goal) {
    for (const cell of this.#root.querySelectorAll('.goal-watch')) cell.classList.remove('goal-watch');
    for (const c of goal?.steps.flat() ?? []) {
      if (c.kind !== 'metric') continue;
      for (const panel of [c.panel, c.than].filter(Boolean)) {
        this.#root.querySelector(`[data-panel="${panel}"] [data-field="${c.split}-${c.metric}"]`)?.classList.add('goal-watch');
      }
    }
  }

  // ---- text ---------------------------------------------------------------------------------

  #format(condition, v) {
    if (!Number.isFinite(v)) return this.#t('notMeasured');
    return condition.metric === 'accuracy' ? `${(100 * v).toFixed(1)}%` : condition.kind === 'units' ? String(v) : String(Number(v.toFixed(4)));
  }

  /** One condition in words: "Linear model: validation accuracy ≥ 70.0%". */
  #conditionText(c) {
    const t = this.#t;
    const op = c.op === '>=' ? '≥' : '≤';
    const model = this.#modelName(c.panel);
    if (c.kind === 'diverged') return t('teach.cond.diverged', { model });
    if (c.kind === 'units') return t('teach.cond.units', { model, op, n: c.value });
    const parts = { model, split: t(`split_${c.split}`), metric: t(c.metric === 'loss' ? 'lossRow' : c.metric), op };
    return c.than ? t('teach.cond.than', { ...parts, other: this.#modelName(c.than) }) : t('teach.cond.metric', { ...parts, target: this.#format(c, c.value) });
  }

  #goalText(goal) {
    const t = this.#t;
    const text = goal.steps.map((step) => step.map((c) => this.#conditionText(c)).join(t('teach.and'))).join(t('teach.then'));
    return goal.budget ? `${text} (${t('teach.budget', { n: goal.budget })})` : text;
  }

  #showText() {
    const t = this.#t;
    const p = this.#parts;
    const goal = this.#goal;
    this.#box.dataset.goalId = goal?.id ?? '';
    p.errors.replaceChildren(...this.#errors.map((e) => el('li', { textContent: t(`teach.err.${e.code}`, e) })));
    p.errors.hidden = this.#errors.length === 0;
    if (!goal) {
      setText(p.heading, t('teach.region'));
      setText(p.goal, t('teach.errors'));
      for (const part of [p.progress.parentElement, p.status]) part.hidden = true;
      this.#box.dataset.goalState = 'error';
      return;
    }
    const text = (name) => (goal.builtin ? t(`teach.challenge.${goal.id}.${name}`) : goal[name]);
    setText(p.heading, t('teach.heading', { title: text('title') || t('teach.customTitle') }));
    setText(p.goal, t('teach.goal', { text: this.#goalText(goal) }));
    setText(p.hint, text('hint') || t('teach.noHint'));
    setText(p.solution, text('solution') || t('teach.noSolution'));
    for (const [b, key] of [[p.hintButton, 'hint'], [p.solutionButton, 'solution'], [p.applyButton, 'apply'], [p.leaveButton, 'leave']]) setText(b, t(`teach.${key}`));
    p.applyButton.title = t('teach.applyHint');
    p.progress.setAttribute('aria-label', t('teach.progressLabel'));
    p.hintButton.hidden = !text('hint');
    p.solutionButton.hidden = !text('solution');
    p.applyButton.hidden = !goal.answer;
    p.progress.parentElement.hidden = p.status.hidden = false;
  }

  #showProgress() {
    const tracker = this.#tracker;
    if (!tracker) return;
    const t = this.#t;
    const p = this.#parts;
    const pr = tracker.progress();
    const c = pr.condition;
    this.#box.dataset.goalState = pr.status;
    this.#box.dataset.goalStep = String(pr.step + 1);
    p.progress.value = pr.fraction;
    const now = c.kind === 'diverged' ? t(pr.status === 'reached' ? 'teach.reached' : 'teach.nowDiverged', { epoch: pr.reachedEpoch })
      : !Number.isFinite(pr.value) ? t('teach.notYet')
        : t('teach.now', { value: this.#format(c, pr.value), target: this.#format(c, pr.target) });
    setText(p.now, now);
    p.now.dataset.value = Number.isFinite(pr.value) ? String(pr.value) : '';
    const steps = pr.steps > 1 ? `${t('teach.step', { k: pr.step + 1, n: pr.steps })}: ${this.#conditionText(c)}` : '';
    setText(p.status, pr.status === 'reached' ? t('teach.reachedExplain', { epoch: pr.reachedEpoch, text: this.#goalText(tracker.goal) })
      : pr.status === 'over' ? t('teach.over', { budget: tracker.goal.budget }) : steps);
    if (pr.status === 'reached') this.#box.dataset.goalEpoch = String(pr.reachedEpoch);
    else delete this.#box.dataset.goalEpoch;
  }

  /** The next patch of a built-in's answer (one per step), trained from epoch 0. */
  #applyAnswer() {
    const answer = this.#goal?.answer;
    if (!answer) return;
    const step = Math.min(this.#tracker.progress().step, answer.length - 1);
    this.#onApply(structuredClone(answer[step]));
  }

  // ---- the run ------------------------------------------------------------------------------

  /**
   * A drawn frame: models = the frame's { a, b } (epoch, status, records since the last frame,
   * metrics when measured); state: the page's. The records' validation metrics (measured after
   * each epoch, as the frame's) are looked at epoch by epoch, so a goal on the validation split is
   * marked at the exact epoch; train and test are measured every few frames (worker/session.js).
   */
  observe(models, state) {
    const tracker = this.#tracker;
    if (!tracker) return;
    const units = Object.fromEntries(['a', 'b'].map((p) => [p, (state[`${p}.hidden`] ?? []).reduce((s, u) => s + u, 0)]));
    let changed = false;
    for (const view of epochViews(models)) changed = tracker.observe(view, units) || changed;
    const measured = Object.values(models).some((m) => m.metrics || m.status === 'diverged');
    if (measured) changed = tracker.observe(models, units) || changed;
    if (measured || changed) this.#showProgress();
    if (changed || (measured && !this.#announced)) {
      this.#announced = true;
      this.#host.dispatchEvent(new CustomEvent('nnplay-goal', { detail: this.detail() }));
    }
  }

  /** Training started again at epoch 0. */
  restarted() {
    this.#tracker?.restarted();
    this.#showProgress();
  }

  /** Everything in the translator's language now. */
  relabel() {
    for (const note of this.#root.querySelectorAll('.lock-note')) note.textContent = this.#t('teach.locked');
    for (const element of this.#root.querySelectorAll('[data-locked="challenge"]')) element.title = this.#t('teach.locked');
    this.#showText();
    this.#showProgress();
  }
}
