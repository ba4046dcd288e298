// Lesson 3's view: wine, 13 features, so no plane to draw on. Per optimizer (Adam, SGD): the test
// accuracy, train accuracy and loss, and the test confusion matrix; the accuracy of both per
// epoch (train solid, test dashed); and the class probabilities both give a few test wines at a
// time, as stacked bars.
import { renderConfusion } from '../page/confusion.js';
import { classCss } from '../shared/palette.js';
import { WINE_OPTIMIZERS } from '../lessons/catalog.js';
import { WINE_COLORS } from './colors.js';
import { el, fixed, percent, setText, showValue } from '../page/dom.js';
import { SeriesChart, legendOf } from './series-chart.js';

const SAMPLES_SHOWN = 6;
const NAMES = { adam: 'Adam', sgd: 'SGD' };

export class WineView {
  #t;
  #chart;
  #cards = {};
  #samples;
  #samplesTitle;
  #first = 0;      // the first test wine shown
  #labels = [];    // the test wines' true classes
  #rows = {};      // the latest predictions per optimizer

  constructor(host, { t }) {
    this.#t = t;
    const k = (key, params) => t(`lesson.wine.${key}`, params);
    const names = Object.keys(WINE_OPTIMIZERS);
    const cards = names.map((name) => {
      const field = (key, className) => {
        const dd = el('dd', { className });
        dd.dataset.field = key;
        return dd;
      };
      const parts = { test: field('test-accuracy', 'big'), train: field('train-accuracy'), loss: field('train-loss'),
        confusion: el('table', { className: 'confusion-table' }) };
      this.#cards[name] = parts;
      const { lr } = WINE_OPTIMIZERS[name];
      const swatch = el('span', { className: 'series-line' });
      swatch.style.borderTopColor = WINE_COLORS[name];
      const card = el('section', { className: 'card optimizer-card' },
        el('h3', {}, swatch, `${NAMES[name]} (lr ${lr})`),
        el('dl', { className: 'figures' },
          el('div', {}, el('dt', {}, k('testAccuracy')), parts.test),
          el('div', {}, el('dt', {}, k('trainAccuracy')), parts.train),
          el('div', {}, el('dt', {}, k('loss')), parts.loss)),
        el('figure', { className: 'confusion' }, el('figcaption', {}, k('confusionTitle')), parts.confusion));
      card.dataset.optimizer = name;
      return card;
    });
    const series = names.flatMap((name) => [
      { label: k('seriesTrain', { optimizer: NAMES[name] }), color: WINE_COLORS[name] },
      { label: k('seriesTest', { optimizer: NAMES[name] }), color: WINE_COLORS[name], dash: [6, 4] },
    ]);
    const chartBox = el('div', { className: 'chart-box' });
    this.#samples = el('tbody');
    this.#samplesTitle = el('h3');
    const previous = el('button', { type: 'button', className: 'secondary' }, k('previous'));
    const next = el('button', { type: 'button', className: 'secondary' }, k('next'));
    previous.addEventListener('click', () => this.#page(-1));
    next.addEventListener('click', () => this.#page(1));
    const samples = el('section', { className: 'card samples' }, this.#samplesTitle,
      el('div', { className: 'scroll-x' }, el('table', { className: 'lesson-table samples-table' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, k('sample')), el('th', { scope: 'col' }, k('trueClass')),
          ...names.map((name) => el('th', { scope: 'col' }, NAMES[name])))),
        this.#samples)),
      el('p', { className: 'pager' }, previous, next));
    host.replaceChildren(el('div', { className: 'view-stack' },
      el('div', { className: 'wine-top' }, ...cards,
        el('figure', { className: 'card chart' }, el('figcaption', {}, k('chartTitle')), legendOf(series), chartBox)),
      samples));
    this.#chart = new SeriesChart(chartBox, { series, xLabel: t('epoch'), yRange: [0, 1], height: 200 });
  }

  data(data) {
    if (!data) return;
    const [, valEnd, end] = data.splitEnd;
    this.#labels = Array.from(data.y.slice(valEnd, end));
    this.#first = 0;
    this.#showSamples();
  }

  frame({ trainers }) {
    const t = this.#t;
    Object.entries(trainers).forEach(([name, m], s) => {
      const card = this.#cards[name];
      this.#chart.add(2 * s, m.evals.map((e) => [e.epoch, e.train.accuracy]));
      this.#chart.add(2 * s + 1, m.evals.map((e) => [e.epoch, e.test.accuracy]));
      const latest = m.metrics ?? null;
      if (latest) {
        showValue(card.test, latest.test.accuracy, percent(latest.test.accuracy));
        showValue(card.train, latest.train.accuracy, percent(latest.train.accuracy));
        showValue(card.loss, latest.train.loss, fixed(latest.train.loss, 4));
        renderConfusion(card.confusion, latest.test.confusion, t);
      }
      this.#rows[name] = m.rows;
    });
    this.#showSamples();
  }

  #page(direction) {
    const n = this.#labels.length;
    if (!n) return;
    this.#first = (this.#first + direction * SAMPLES_SHOWN + n) % n;
    this.#showSamples();
  }

  #showSamples() {
    const n = this.#labels.length;
    const indices = Array.from({ length: Math.min(SAMPLES_SHOWN, n) }, (_, i) => (this.#first + i) % n);
    setText(this.#samplesTitle, this.#t('lesson.wine.samplesTitle', { from: indices[0] + 1, to: indices.at(-1) + 1, n }));
    this.#samples.replaceChildren(...indices.map((i) => {
      const y = this.#labels[i];
      const swatch = el('span', { className: 'swatch' });
      swatch.style.backgroundColor = classCss(y);
      const row = el('tr', {}, el('th', { scope: 'row' }, `#${i + 1}`), el('td', {}, swatch, String(y)),
        ...Object.keys(WINE_OPTIMIZERS).map((name) => this.#probabilities(this.#rows[name], i, y)));
      row.dataset.sample = String(i);
      return row;
    }));
  }

  /** One model's probabilities for test wine i: a stacked bar and the numbers, the picked class in bold. */
  #probabilities(rows, i, y) {
    if (!rows) return el('td', {}, '–');
    const p = rows.probabilities.slice(3 * i, 3 * i + 3);
    const picked = rows.labels[i];
    const bar = el('span', { className: 'stacked' }, ...p.map((v, k) => {
      const part = el('span');
      part.style.width = `${(100 * v).toFixed(2)}%`;
      part.style.backgroundColor = classCss(k);
      return part;
    }));
    const numbers = el('span', { className: 'stacked-values' }, ...p.map((v, k) => el('span', { className: k === picked ? 'picked' : '' }, v.toFixed(2))));
    const cell = el('td', { className: picked === y ? 'right' : 'wrong' }, bar, numbers);
    cell.dataset.value = JSON.stringify(p);
    cell.dataset.picked = String(picked);
    return cell;
  }

  destroy() {
    this.#chart.destroy();
  }
}
