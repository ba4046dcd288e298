// One model's panel: its title and architecture, the plot (decision-plot.js), the readout line, the
// counters (epoch, updates, epochs per second), accuracy and loss per split, the loss chart
// (charts.js) and the confusion matrix (confusion.js), the tables in regions that show when they
// scroll (scroll-hint.js). It shows frames; it decides nothing. Its markup is layout.js's.
import { DecisionPlot } from './decision-plot.js';
import { LossChart } from './charts.js';
import { renderConfusion } from './confusion.js';
import { InsideStrip } from './inside-strip.js';
import { panelMarkup } from './layout.js';
import { applyStrings } from './strings.js';
import { Inspector } from './inspector.js';
import { watchScroll } from './scroll-hint.js';
import { overlayOf } from '../shared/step-overlay.js';

const RATE_WINDOW_MS = 1500;

export class PanelView {
  #section;
  #samples = [];  // [time, epoch] of recent frames, for epochs per second
  #fields = {};
  #t;
  #metrics = null;

  /**
   * t: the playground's translator (strings.js); onView(): what the panel's strip shows inside the
   * network changed; onEdit(edit): a weight edited in the diagram (inside-strip.js); inspect: the
   * step inspector's { ask, pause, context } (inspector.js).
   */
  constructor(section, { onProbe, onAdd, onView = () => {}, onEdit = async () => null, t, inspect }) {
    this.#section = section;
    this.#t = t;
    section.append(panelMarkup(section.ownerDocument));
    section.querySelector('.model-controls').dataset.group = `panel-${section.dataset.panel}`;
    applyStrings(section, t);
    for (const el of section.querySelectorAll('[data-field]')) this.#fields[el.dataset.field] = el;
    this.plot = new DecisionPlot(section.querySelector('.plot'), { onProbe, onAdd });
    this.chart = new LossChart(section.querySelector('.chart-box'), t);
    this.readout = section.querySelector('.readout');
    for (const region of section.querySelectorAll('.table-scroll-x')) watchScroll(region);
    this.inside = new InsideStrip(section.querySelector('.inside-host'), { t, onView, onEdit, detailHost: section.querySelector('.inside-detail'),
      onHighlight: (unit) => this.plot.setHighlight(unit) });
    const inspector = section.querySelector('.inspector');
    inspector.id = `inspector-${section.dataset.panel}`;
    const opener = section.querySelector('.inspect-open');
    opener.setAttribute('aria-controls', inspector.id);
    this.inspector = new Inspector(inspector, opener, { t, ...inspect, title: () => this.#fields.title.textContent, above: this.plot.element,
      onLine: (line, trace) => this.inside.diagram.setOverlay(line ? overlayOf(line, trace, inspect.context()) : null) });
  }

  #percent(v) {
    return Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : this.#t('notMeasured');
  }

  #decimal(v) {
    return Number.isFinite(v) ? v.toFixed(3) : this.#t('notMeasured');
  }

  /** The strings again, in the translator's language now. */
  relabel() {
    applyStrings(this.#section, this.#t);
    this.inside.relabel();
    this.inspector.relabel();
    if (this.#metrics) this.#showMetrics(this.#metrics);
    if (!this.#fields['no-plane'].hidden) this.showPlane(this.#features);
  }

  /**
   * Data of 2 features has a plane to draw; other data (an imported CSV) has not: the plot then
   * says so and stays blank.
   */
  showPlane(features) {
    this.#features = features;
    const noPlane = features !== 2;
    this.#fields['no-plane'].hidden = !noPlane;
    this.#fields['no-plane'].textContent = noPlane ? this.#t('noPlaneView', { features }) : '';
    this.#section.classList.toggle('no-plane-view', noPlane);
  }

  #features = 2;

  #set(field, text) {
    if (this.#fields[field].textContent !== text) this.#fields[field].textContent = text;
  }

  /** Title, architecture ("2 → 200 ReLU → 3") and what this kind of model can do. */
  describe({ hidden, activation, outputs, features = 2, regression = false }) {
    const t = this.#t;
    this.#section.classList.toggle('regression', regression);  // MAE, RMSE, R² in place of accuracy; no confusion matrix
    const linear = hidden.length === 0;
    const act = t(`activation_${activation}`);
    const layers = [features, ...hidden.map((units) => `${units} ${act}`), outputs];
    this.#set('title', t(linear ? 'linearTitle' : 'mlpTitle'));
    this.#set('arch', layers.join(' → '));
    this.#set('explain', t(`${linear ? 'linearExplain' : 'mlpExplain'}${regression ? 'Regression' : ''}`));
    this.plot.element.setAttribute('aria-label', t('plotLabel', { model: t(linear ? 'linearTitle' : 'mlpTitle') }));
    this.inside.describe(t(linear ? 'linearTitle' : 'mlpTitle'), !linear);
  }

  /** Back to epoch 0 with nothing measured; `visibly` flashes the panel so the reset is seen. */
  reset(visibly) {
    const t = this.#t;
    this.#samples = [];
    this.#metrics = null;
    for (const f of ['epoch', 'updates']) this.#set(f, '0');
    this.#set('rate', t('notMeasured'));
    this.#set('status', '');
    this.#section.classList.remove('diverged');
    for (const split of ['train', 'val', 'test']) {
      for (const m of ['accuracy', 'loss', 'mae', 'rmse', 'r2']) this.#set(`${split}-${m}`, t('notMeasured'));
    }
    this.chart.clear();
    if (this.inspector.isOpen) this.inspector.forget();
    this.#set('confusion-title', '');
    this.#set('weights', '');
    renderConfusion(this.#fields.confusion, null, t);
    if (visibly) {
      this.#section.classList.remove('flash');
      void this.#section.offsetWidth;  // restart the CSS animation
      this.#section.classList.add('flash');
    }
  }

  /** One model's part of a frame: state, records, grid, maybe metrics. */
  show(model, gridSize, now) {
    this.#set('epoch', String(model.epoch));
    this.#set('updates', String(model.step));
    this.#samples.push([now, model.epoch]);
    while (this.#samples.length > 2 && now - this.#samples[0][0] > RATE_WINDOW_MS) this.#samples.shift();
    this.#showRate();
    this.#set('status', model.status === 'diverged' ? this.#t('status_diverged') : '');
    this.#section.classList.toggle('diverged', model.status === 'diverged');
    if (model.grid) {
      this.plot.drawGrid(model.grid, model.probabilityWidth, gridSize);
      this.#section.dataset.gridSize = String(gridSize);  // cells a side: coarser for a large model (worker/frame-budget.js)
    }
    this.inside.show(model);
    this.chart.append(model.records);
    if (model.metrics) this.#showMetrics(model.metrics);
  }

  #showRate() {
    const [first, last] = [this.#samples[0], this.#samples.at(-1)];
    const seconds = (last[0] - first[0]) / 1000;
    this.#set('rate', seconds > 0.2 ? String(Math.round((last[1] - first[1]) / seconds)) : this.#t('notMeasured'));
  }

  /** Not training: the rate is 0 until frames come again. */
  stopped() {
    this.#samples = [];
    this.#set('rate', '0');
  }

  #showMetrics(metrics) {
    const t = this.#t;
    this.#metrics = metrics;
    for (const split of ['train', 'val', 'test']) {
      this.#set(`${split}-accuracy`, this.#percent(metrics[split]?.accuracy));
      this.#set(`${split}-loss`, this.#decimal(metrics[split]?.loss));
      for (const m of ['mae', 'rmse', 'r2']) this.#set(`${split}-${m}`, this.#decimal(metrics[split]?.[m]));
    }
    const w = metrics.weights;
    this.#set('weights', w ? t('weightStats', { small: w.small, count: w.count, mean: Number.isFinite(w.meanAbs) ? w.meanAbs.toFixed(4) : '–' }) : '');
    if (!metrics.confusion) return renderConfusion(this.#fields.confusion, null, t);  // regression: no classes to confuse
    this.#set('confusion-title', t('confusionTitle', { split: t(`split_${metrics.confusionSplit}`) }));
    renderConfusion(this.#fields.confusion, metrics.confusion, t);
  }
}
