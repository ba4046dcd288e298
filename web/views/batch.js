// Lesson 4's view: the same MLP trained with five batch sizes side by side. A table per mode:
// batch size, updates per epoch, the measured time per epoch (with a bar), the last epoch's
// training loss and the validation accuracy; and the loss against epochs and against updates.
import { batchSizesOf } from '../lessons/catalog.js';
import { MODE_COLORS } from './colors.js';
import { scrollRegion } from '../page/scroll-hint.js';
import { el, fixed, percent, showValue } from '../page/dom.js';
import { SeriesChart, legendOf } from './series-chart.js';


export class BatchView {
  #byEpoch;
  #byUpdate;
  #cells = {};
  #sizes;

  /** options: the lesson's (the mini-batch sizes). */
  constructor(host, { t, options }) {
    this.#sizes = batchSizesOf(options);
    const k = (key, params) => t(`lesson.batch.${key}`, params);
    const modes = Object.keys(this.#sizes);
    // A mini-batch mode is named by its size now (the lesson's options change it); full and stochastic by their names.
    const nameOf = (name) => (name.startsWith('mini') ? k('miniN', { n: this.#sizes[name] }) : k(name));
    const series = modes.map((name) => ({ label: nameOf(name), color: MODE_COLORS[name] }));
    const th = (text) => el('th', { scope: 'col' }, text);
    const cell = (name, field, className) => {
      const td = el('td', { className });
      td.dataset.field = field;
      this.#cells[`${name}.${field}`] = td;
      return td;
    };
    const rows = modes.map((name) => {
      const swatch = el('span', { className: 'series-line' });
      swatch.style.borderTopColor = MODE_COLORS[name];
      const bar = el('span', { className: 'time-bar' });
      bar.style.backgroundColor = MODE_COLORS[name];
      this.#cells[`${name}.bar`] = bar;
      const time = cell(name, 'ms-per-epoch', 'time');
      const row = el('tr', {}, el('th', { scope: 'row' }, swatch, nameOf(name)),
        cell(name, 'batch-size'),
        cell(name, 'updates-per-epoch'), el('td', { className: 'time-cell' }, el('span', { className: 'time-track' }, bar), time),
        cell(name, 'loss'), cell(name, 'val-accuracy'));
      row.dataset.mode = name;
      return row;
    });
    const table = el('table', { className: 'lesson-table modes' },
      el('thead', {}, el('tr', {}, th(k('mode')), th(k('batchSize')), th(k('updatesPerEpoch')), th(k('msPerEpoch')),
        th(k('lossNow')), th(k('valAccuracy')))),
      el('tbody', {}, ...rows));
    const epochBox = el('div', { className: 'chart-box' });
    const updateBox = el('div', { className: 'chart-box' });
    host.replaceChildren(el('div', { className: 'view-stack' },
      el('section', { className: 'card' }, scrollRegion(table, t('tableRegion')), el('p', { className: 'hint' }, k('timeNote'))),
      legendOf(series),
      el('div', { className: 'chart-pair' },
        el('figure', { className: 'card chart' }, el('figcaption', {}, k('byEpoch')), epochBox),
        el('figure', { className: 'card chart' }, el('figcaption', {}, k('byUpdate')), updateBox))));
    this.#byEpoch = new SeriesChart(epochBox, { series, xLabel: t('epoch'), height: 220 });
    this.#byUpdate = new SeriesChart(updateBox, { series, xLabel: t('updates'), logX: true, height: 220 });
  }

  /** The full batch is the whole training split. */
  data(data) {
    if (!data) return;
    for (const [name, size] of Object.entries(this.#sizes)) {
      const cell = this.#cells[`${name}.batch-size`];
      showValue(cell, size || data.splitEnd[0], String(size || data.splitEnd[0]));
    }
  }

  frame({ trainers }) {
    const names = Object.keys(trainers);
    const slowest = Math.max(...names.map((n) => trainers[n].msPerEpoch).filter(Number.isFinite), 1e-9);
    names.forEach((name, i) => {
      const m = trainers[name];
      const c = (field) => this.#cells[`${name}.${field}`];
      showValue(c('updates-per-epoch'), m.updatesPerEpoch, String(m.updatesPerEpoch));
      showValue(c('ms-per-epoch'), m.msPerEpoch, fixed(m.msPerEpoch, 1));
      c('bar').style.width = Number.isFinite(m.msPerEpoch) ? `${(100 * m.msPerEpoch / slowest).toFixed(1)}%` : '0';
      const last = m.records.at(-1);
      if (last) showValue(c('loss'), last.train.loss, fixed(last.train.loss));
      if (m.metrics?.val) showValue(c('val-accuracy'), m.metrics.val.accuracy, percent(m.metrics.val.accuracy));
      this.#byEpoch.add(i, m.records.map((r) => [r.epoch, r.train.loss]));
      this.#byUpdate.add(i, m.records.map((r) => [r.step, r.train.loss]));
    });
  }

  destroy() {
    this.#byEpoch.destroy();
    this.#byUpdate.destroy();
  }
}
