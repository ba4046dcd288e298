// The step inspector: one training step of one model, walked through line by line,
//   y_pred = model(x) / loss = criterion(y_pred, y) / optimizer.zero_grad() / loss.backward() / optimizer.step()
// with what each line produces (../shared/step-lines.js) printed as PyTorch prints it.
//
// Opening it pauses training and asks the worker for one traced update (worker/requests.js's
// 'trace': trainer.step({ trace: true }) on this model only); "Next step" after the last line
// asks for another. Keyboard, inside the inspector: ArrowDown or n the next line, ArrowUp or p
// the previous one, Escape closes and gives the focus back to the button that opened it. The
// current line is announced (aria-live). The numbers are the engine's, as PyTorch holds them.
import { el } from './dom.js';
import { tensorFigure } from './tensor-view.js';
import { CODE, LINES, stepLines } from '../shared/step-lines.js';

export class Inspector {
  #root;
  #opener;
  #t;
  #ask;
  #pause;
  #context;
  #title;
  #onTrace;
  #onLine;
  #plot;  // a plot to pick the sample on
  #above;
  #line = 0;
  #lines = null;   // stepLines() of the latest trace
  #trace = null;
  #sample = null;  // the chosen sample (an index into the training split), or null: the batch's first
  #asking = false;
  #parts = {};
  isOpen = false;

  /**
   * root: the (hidden) element the inspector fills; opener: the button that opens it. ask(question)
   * sends a request to the worker (run.request); pause() pauses training; context() gives
   * { loss, task, activation, label(i), trainSize }; title() the model's name; onTrace(answer)
   * hears each answer ({ trace, state, spec }: the normalized spec); onLine(line, trace) hears the
   * line shown (null when none: closed or reset), for the network diagram (../shared/step-overlay.js);
   * plot: whether a click on a plot can pick the sample (the hint says so); above: an element above
   * the inspector to keep in view with it when the screen is tall enough (the plot and its diagram).
   */
  constructor(root, opener, { t, ask, pause, context, title, onTrace = () => {}, onLine = null, plot = true, above = null }) {
    this.#root = root;
    this.#opener = opener;
    this.#t = t;
    this.#ask = ask;
    this.#pause = pause;
    this.#context = context;
    this.#title = title;
    this.#onTrace = onTrace;
    this.#onLine = onLine;
    this.#plot = plot;
    this.#above = above;
    this.#build();
    opener.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    root.addEventListener('keydown', (event) => this.#key(event));
  }

  #build() {
    const p = this.#parts;
    p.heading = el('h3', { className: 'inspector-title' });
    p.close = el('button', { type: 'button', className: 'inspector-close' });
    p.close.addEventListener('click', () => this.close());
    p.header = el('p', { className: 'inspector-header' });
    p.list = el('ol', { className: 'inspector-lines' }, ...LINES.map((line, k) => {
      const button = el('button', { type: 'button', className: 'code-line' }, el('code', { textContent: CODE[line] }));
      button.dataset.line = line;
      button.addEventListener('click', () => this.go(k));
      return el('li', {}, button);
    }));
    p.previous = el('button', { type: 'button', className: 'inspector-previous' });
    p.previous.addEventListener('click', () => this.go(this.#line - 1));
    p.next = el('button', { type: 'button', className: 'inspector-next' });
    p.next.addEventListener('click', () => this.next());
    p.sample = el('input', { type: 'number', min: '0', step: '1', className: 'inspector-sample' });
    p.sample.addEventListener('change', () => this.choose(p.sample.value === '' ? null : Number(p.sample.value)));
    p.sampleLabel = el('label', { className: 'inspector-sample-label' }, el('span'), p.sample);
    p.keys = el('p', { className: 'hint inspector-keys' });
    p.sampleHint = el('p', { className: 'hint inspector-sample-hint', id: `${this.#root.id || 'inspector'}-sample-hint` });
    p.sample.setAttribute('aria-describedby', p.sampleHint.id);
    p.current = el('p', { className: 'inspector-current' });
    p.current.setAttribute('aria-live', 'polite');
    p.about = el('p', { className: 'inspector-about' });
    p.diagram = el('p', { className: 'hint inspector-diagram', hidden: !this.#onLine });
    p.values = el('div', { className: 'inspector-values' });
    this.#root.replaceChildren(el('div', { className: 'inspector-head' }, p.heading, p.close), p.header,
      el('div', { className: 'inspector-body' }, el('div', { className: 'inspector-code' }, p.list,
        el('div', { className: 'inspector-nav' }, p.previous, p.next)),
      el('div', { className: 'inspector-detail' }, p.current, p.about, p.diagram, p.values)),
      el('div', { className: 'inspector-foot' }, p.sampleLabel, p.sampleHint, p.keys));
    this.#root.setAttribute('role', 'region');
    this.relabel();
  }

  /** The strings again, in the translator's language now. */
  relabel() {
    const { t } = this;
    const p = this.#parts;
    this.#root.setAttribute('aria-label', t('inspector.region', { model: this.#title() }));
    p.heading.textContent = t('inspector.title');
    p.close.textContent = t('inspector.close');
    p.close.title = t('inspector.closeHint');
    p.previous.textContent = t('inspector.previous');
    p.list.setAttribute('aria-label', t('inspector.linesLabel'));
    p.keys.textContent = t('inspector.keys');
    p.sampleLabel.firstChild.textContent = t('inspector.sample');
    this.#opener.textContent = t('inspector.open');
    this.#opener.title = t('inspector.openHint');
    this.#show();
  }

  get t() { return this.#t; }

  /** Pauses training, shows the inspector and takes one traced step. */
  async open() {
    this.#pause();
    this.isOpen = true;
    this.#root.hidden = false;
    this.#root.closest('.panel')?.classList.add('inspecting');  // a narrow screen gives it the whole row
    this.#opener.setAttribute('aria-expanded', 'true');
    this.#line = 0;
    this.#scrollIntoView();
    this.#focusLine();
    await this.step();
  }

  /** The inspector's top at the top of the screen, or the element above it when both fit (with the five lines). */
  #scrollIntoView() {
    const above = this.#above?.getBoundingClientRect();
    const LINES_HEIGHT = 310;  // the inspector's head, its five lines and the buttons under them
    const fits = above && above.height > 0 && this.#root.getBoundingClientRect().top - above.top + LINES_HEIGHT < innerHeight - 64;
    (fits ? this.#above : this.#root).scrollIntoView({ block: 'start' });
  }

  close() {
    this.isOpen = false;
    this.#root.hidden = true;
    this.#root.closest('.panel')?.classList.remove('inspecting');
    this.#onLine?.(null);
    this.#opener.setAttribute('aria-expanded', 'false');
    this.#opener.focus();
  }

  /** One more traced update of this model; back to the first line. */
  async step() {
    if (this.#asking) return;
    this.#asking = true;
    this.#setStatus(this.#t('inspector.loading'));
    try {
      const answer = await this.#ask({ what: 'trace', ...(this.#sample === null ? {} : { sample: this.#sample }) });
      const { trace, spec } = answer;
      this.#trace = trace;
      this.#lines = trace ? stepLines(trace, { ...this.#context(), optimizer: spec.optimizer, label: this.#context().label(trace.sample.index) }) : null;
      this.#onTrace(answer);
      this.#line = 0;
      if (!trace) this.#setStatus(this.#t('inspector.noStep'));
    } catch (error) {
      this.#trace = null;
      this.#lines = null;
      this.#setStatus(this.#t('inspector.failed', { message: error.message }));
    } finally {
      this.#asking = false;
    }
    if (this.#lines) this.#show();
    if (this.isOpen) this.#focusLine();
  }

  /** The model was replaced (a reset): its trace is gone; "Next step" traces the new one. */
  forget() {
    this.#trace = null;
    this.#lines = null;
    this.#line = LINES.length - 1;
    this.#show();
    this.#parts.header.textContent = '';
    delete this.#root.dataset.step;
    this.#setStatus(this.#t('inspector.reset'));
    this.#onLine?.(null);
  }

  /** Chooses the sample shown (an index into the training split; null: the batch's first), from the next step on. */
  choose(index) {
    const max = this.#context().trainSize - 1;
    this.#sample = index === null || !Number.isInteger(index) ? null : Math.min(max, Math.max(0, index));
    this.#parts.sample.value = this.#sample === null ? '' : String(this.#sample);
  }

  /** The next line; after the last, the next step. */
  next() {
    if (this.#line === LINES.length - 1) return this.step();
    return this.go(this.#line + 1);
  }

  /** Shows line k (0 .. 4). */
  go(k) {
    this.#line = Math.max(0, Math.min(LINES.length - 1, k));
    this.#show();
    this.#focusLine();
  }

  #focusLine() {
    this.#parts.list.querySelectorAll('.code-line')[this.#line].focus({ preventScroll: true });
  }

  #setStatus(text) {
    this.#parts.current.textContent = text;
    this.#parts.values.replaceChildren();
    this.#parts.about.textContent = '';
  }

  #key(event) {
    if (event.target === this.#parts.sample && event.key !== 'Escape') return;
    const moves = { ArrowDown: 1, n: 1, ArrowUp: -1, p: -1 };
    if (event.key === 'Escape') this.close();
    else if (moves[event.key] === 1) this.next();
    else if (moves[event.key] === -1) this.go(this.#line - 1);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  #show() {
    const { t } = this;
    const p = this.#parts;
    const line = LINES[this.#line];
    this.#root.dataset.line = line;
    p.list.querySelectorAll('.code-line').forEach((b, k) => {
      if (k === this.#line) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    });
    p.previous.disabled = this.#line === 0;
    p.next.textContent = t(this.#line === LINES.length - 1 ? 'inspector.nextStep' : 'inspector.next');
    const max = Math.max(0, (this.#context()?.trainSize ?? 1) - 1);
    p.sample.max = String(max);
    p.sampleHint.textContent = t(this.#plot ? 'inspector.sampleHint' : 'inspector.sampleHintNoPlot', { max });
    if (!this.#lines) return;
    const trace = this.#trace;
    this.#root.dataset.step = String(trace.step);
    const missed = this.#sample !== null && this.#sample !== trace.sample.index;  // the chosen sample was not in this batch
    p.header.textContent = t('inspector.header', { step: trace.step, epoch: trace.epoch, n: trace.batch.length, i: trace.sample.index })
      + (missed ? ` ${t('inspector.notInBatch', { i: this.#sample })}` : '');
    p.current.textContent = t('inspector.current', { k: this.#line + 1, code: CODE[line] });
    p.about.textContent = t(`inspector.about.${line}`);
    p.diagram.textContent = t(`inspector.diagram.${line}`);
    if (this.isOpen) this.#onLine?.(line, trace);
    p.values.replaceChildren(...this.#lines[line].map((item) => tensorFigure(item, t)));
  }
}
