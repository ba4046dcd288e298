// Lesson 2's view: softmax regression on the 8 x 4 table. The training rows with their logits,
// softmax probabilities and argmax (right or wrong), the test input [1, 2, 5, 6] printed the way
// the tutorial's PyTorch prints it, the weights W and b, and the cross-entropy loss per epoch.
import { classCss } from '../shared/palette.js';
import { el, fixed, showValue } from '../page/dom.js';
import { SeriesChart } from './series-chart.js';

/** Numbers as PyTorch prints a tensor's row: 4 decimals, or exponents when the values span > 1000x. */
export function torchRow(values) {
  const finite = values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  const sci = finite.length > 0 && (Math.max(...finite) / Math.min(...finite) > 1000 || Math.min(...finite) < 1e-4 || Math.max(...finite) >= 1e8);
  const texts = values.map((v) => (sci ? exponent(v) : v.toFixed(4)));
  const width = Math.max(...texts.map((s) => s.length));
  return texts.map((s) => s.padStart(width)).join(', ');
}

function exponent(v) {
  const [m, e] = v.toExponential(4).split('e');
  return `${m}e${e[0] === '-' ? '-' : '+'}${e.replace(/^[-+]/, '').padStart(2, '0')}`;
}

export class SoftmaxView {
  #t;
  #chart;
  #cells = {};
  #body;
  #print;
  #bars;
  #features = 4;
  #labels = [];

  constructor(host, { t }) {
    this.#t = t;
    const k = (key, params) => t(`lesson.softmax.${key}`, params);
    const th = (text, props = {}) => el('th', { scope: 'col', ...props }, text);
    this.#body = el('tbody');
    const table = el('table', { className: 'lesson-table rows' },
      el('thead', {},
        el('tr', {}, th('x', { colSpan: 4 }), th(k('label')), th(k('logits'), { colSpan: 3 }), th(k('probabilities'), { colSpan: 3 }), th(k('argmax'))),
        el('tr', { className: 'sub' }, ...['x1', 'x2', 'x3', 'x4', '', 'z0', 'z1', 'z2', 'p0', 'p1', 'p2', ''].map((s) => th(s)))),
      this.#body);
    this.#print = el('pre', { className: 'torch-print' });
    this.#bars = el('div', { className: 'prob-bars' }, ...[0, 1, 2].map((c) => {
      const fill = el('span', { className: 'bar-fill' });
      fill.style.backgroundColor = classCss(c);
      const value = this.#cell(el('span', { className: 'bar-value' }), `test-p${c}`);
      return el('div', { className: 'prob-bar' }, el('span', { className: 'bar-label' }, `${c}`), el('span', { className: 'bar-track' }, fill), value);
    }));
    const weights = el('table', { className: 'lesson-table weights' },
      el('thead', {}, el('tr', {}, el('td'), ...['x1', 'x2', 'x3', 'x4'].map((s) => th(`W·${s}`)), th('b'))),
      el('tbody', {}, ...[0, 1, 2].map((r) => el('tr', {}, el('th', { scope: 'row' }, `z${r}`),
        ...[0, 1, 2, 3].map((c) => this.#cell(el('td'), `w${r}${c}`)), this.#cell(el('td'), `b${r}`)))));
    const chartBox = el('div', { className: 'chart-box' });
    host.replaceChildren(el('div', { className: 'view-columns' },
      el('section', { className: 'view-main card' }, el('h3', {}, k('tableTitle')), el('div', { className: 'scroll-x' }, table)),
      el('div', { className: 'view-side' },
        el('section', { className: 'card' }, el('h3', {}, k('testTitle')), this.#print, this.#bars),
        el('section', { className: 'card' }, el('h3', {}, k('weightsTitle')), el('div', { className: 'scroll-x' }, weights)),
        el('figure', { className: 'card chart' }, el('figcaption', {}, k('chartTitle')), chartBox))));
    this.#chart = new SeriesChart(chartBox, { series: [{ label: k('chartTitle'), color: '#1d1d28' }], xLabel: t('epoch'), height: 150 });
  }

  #cell(element, name) {
    element.dataset.field = name;
    this.#cells[name] = element;
    return element;
  }

  data(data) {
    if (!data) return;
    this.#features = data.features;
    this.#labels = Array.from(data.y);
    const f = this.#features;
    this.#body.replaceChildren(...this.#labels.map((y, i) => {
      const row = el('tr', {},
        ...Array.from(data.x.slice(i * f, (i + 1) * f), (v) => el('td', { className: 'input' }, String(v))),
        el('td', { className: 'label' }, String(y)),
        ...[0, 1, 2].map((c) => this.#cell(el('td'), `z${i}${c}`)),
        ...[0, 1, 2].map((c) => this.#cell(el('td', { className: 'prob' }), `p${i}${c}`)),
        this.#cell(el('td', { className: 'argmax' }), `argmax${i}`));
      row.dataset.row = String(i);
      return row;
    }));
  }

  frame({ trainers: { model } }) {
    const t = this.#t;
    const c = this.#cells;
    const { logits, probabilities, labels } = model.rows;
    this.#labels.forEach((y, i) => {
      for (let k = 0; k < 3; k++) {
        showValue(c[`z${i}${k}`], logits[3 * i + k], fixed(logits[3 * i + k]));
        const p = probabilities[3 * i + k];
        showValue(c[`p${i}${k}`], p, p.toFixed(2));
        c[`p${i}${k}`].style.backgroundColor = classCss(k, 0.08 + 0.5 * p);
      }
      const right = labels[i] === y;
      showValue(c[`argmax${i}`], labels[i], `${labels[i]} ${right ? '✓' : '✗'}`);
      c[`argmax${i}`].className = `argmax ${right ? 'right' : 'wrong'}`;
      c[`argmax${i}`].title = t(`lesson.softmax.${right ? 'right' : 'wrong'}`);
    });
    const test = model.points;
    const z = test.logits.slice(0, 3);
    const p = test.probabilities.slice(0, 3);
    this.#print.replaceChildren(...[
      ['code', '>>> y_pred = model(x_test)'],
      ['out', `tensor([[${torchRow(z)}]])`],
      ['code', '>>> y_prob = nn.Softmax(1)(y_pred)'],
      ['out', `tensor([[${torchRow(p)}]])`],
      ...p.map((v, k) => ['out', t('lesson.softmax.classProbability', { k, p: v.toFixed(2) })]),
      ['code', '>>> torch.argmax(y_prob, axis=1)'],
      ['out', `tensor([${test.labels[0]}])`],
    ].map(([kind, text]) => el('span', { className: kind }, `${text}\n`)));
    this.#print.dataset.logits = JSON.stringify(z);
    this.#print.dataset.probabilities = JSON.stringify(p);
    this.#print.dataset.argmax = String(test.labels[0]);
    p.forEach((v, k) => {
      showValue(c[`test-p${k}`], v, v.toFixed(2));
      c[`test-p${k}`].previousElementSibling.firstElementChild.style.width = `${(100 * v).toFixed(1)}%`;
    });
    const { weight, bias } = model.weights[0];
    weight.forEach((row, r) => {
      row.forEach((v, col) => showValue(c[`w${r}${col}`], v, fixed(v)));
      showValue(c[`b${r}`], bias[r], fixed(bias[r]));
    });
    this.#chart.add(0, model.records.map((r) => [r.epoch, r.train.loss]));
  }

  destroy() {
    this.#chart.destroy();
  }
}
