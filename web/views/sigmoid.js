// Lesson 1's view: binary logistic regression on the study hours. The plot shows the seven
// students, the sigmoid curve σ(W·x + b) as the engine computes it (the worker predicts along the
// x axis every frame), the 0.5 threshold, the boundary where the curve crosses it and the two
// predictions; beside it W, b and the BCE loss at the start and now, the predictions as a table
// and the loss per epoch; and the network diagram of its one neuron (network-diagram.js): the input
// x along the hours, the output p along the hours, the weight W on the edge and the bias b on the
// neuron, each editable.
import { linspace } from '../shared/geometry.js';
import { classCss, POINT_OUTLINE } from '../shared/palette.js';
import { el, fixed, showValue } from '../page/dom.js';
import { INK, MUTED, Plane, label, line } from './plane.js';
import { SeriesChart, legendOf } from './series-chart.js';
import { NetworkDiagram } from './network-diagram.js';

const BOUNDS = [-1, 22, -0.08, 1.08];
const CURVE_COLOR = '#1d1d28';

export class SigmoidView {
  #t;
  #plane;
  #chart;
  #cells = {};
  #points = [];  // [hours, label]
  #last = null;  // the model's latest snapshot part, for redrawing on resize
  #curveX;
  #inputs;
  #diagram;

  constructor(host, { t, lesson, request }) {
    this.#t = t;
    const plan = lesson.plan();
    this.#curveX = linspace(plan.watch.curve);
    this.#inputs = plan.watch.points.map((p) => p[0]);
    const k = (key, params) => t(`lesson.sigmoid.${key}`, params);

    const plot = el('div', { className: 'sigmoid-plane' });
    plot.setAttribute('role', 'img');
    plot.setAttribute('aria-label', k('plotLabel'));
    const keys = legendOf([{ label: k('failed'), color: classCss(0), dot: true }, { label: k('passed'), color: classCss(1), dot: true },
      { label: k('curve'), color: CURVE_COLOR }, { label: k('threshold'), color: MUTED, dash: true }]);

    const params = el('table', { className: 'lesson-table params' },
      el('thead', {}, el('tr', {}, el('td'), el('th', { scope: 'col' }, k('start')), el('th', { scope: 'col' }, k('now')))),
      el('tbody', {}, ...[['W', 'w'], ['b', 'b'], [k('lossRow'), 'loss']].map(([name, key]) => el('tr', {},
        el('th', { scope: 'row' }, name), this.#cell(`${key}-start`), this.#cell(`${key}-now`)))));
    const predictions = el('table', { className: 'lesson-table predictions' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, k('input')), el('th', { scope: 'col' }, k('probability')),
        el('th', { scope: 'col' }, k('class')))),
      el('tbody', {}, ...this.#inputs.map((x, i) => el('tr', {}, el('th', { scope: 'row' }, `${x}`),
        this.#cell(`p${i}`), this.#cell(`class${i}`)))));
    const chartBox = el('div', { className: 'chart-box' });

    host.replaceChildren(el('div', { className: 'view-columns' },
      el('figure', { className: 'view-main' }, plot, el('figcaption', {}, keys)),
      el('div', { className: 'view-side' },
        el('section', { className: 'card' }, el('h3', {}, k('paramsTitle')), params),
        el('section', { className: 'card network-card' }, el('h3', {}, t('insideTitle'))),
        el('section', { className: 'card' }, el('h3', {}, k('predictTitle')), predictions),
        el('figure', { className: 'card chart' }, el('figcaption', {}, k('chartTitle')), chartBox))));
    this.#plane = new Plane(plot, { bounds: BOUNDS, xTicks: [0, 5, 10, 15, 20], yTicks: [0, 0.5, 1],
      xLabel: k('hours'), yLabel: k('probability'), onResize: () => this.#draw() });
    this.#diagram = new NetworkDiagram(host.querySelector('.network-card'), { t, onAll: () => {},
      onEdit: async (edit) => request({ what: 'setWeight', panel: 'model', ...edit }).then(() => null, (error) => error.message) });
    this.#diagram.setLabel(t('networkLabel', { model: k('short') }));
    this.#chart = new SeriesChart(chartBox, { series: [{ label: k('lossRow'), color: CURVE_COLOR }], xLabel: t('epoch'), height: 150 });
  }

  #cell(name) {
    const td = el('td');
    td.dataset.field = name;
    this.#cells[name] = td;
    return td;
  }

  data(data) {
    if (!data) return;
    this.#points = Array.from(data.y, (label, i) => [data.x[i], label]);
    this.#draw();
  }

  frame({ trainers: { model } }) {
    const w = model.weights[0].weight[0][0];
    const b = model.weights[0].bias[0];
    const loss = model.evaluation.train.loss;
    const c = this.#cells;
    if (model.epoch === 0) {
      showValue(c['w-start'], w, fixed(w));
      showValue(c['b-start'], b, fixed(b));
      showValue(c['loss-start'], loss, fixed(loss));
    }
    showValue(c['w-now'], w, fixed(w));
    showValue(c['b-now'], b, fixed(b));
    showValue(c['loss-now'], loss, fixed(loss));
    const { probabilities, labels } = model.points;
    this.#inputs.forEach((x, i) => {
      showValue(c[`p${i}`], probabilities[2 * i + 1], fixed(probabilities[2 * i + 1]));
      showValue(c[`class${i}`], labels[i], String(labels[i]));
    });
    this.#chart.add(0, model.records.map((r) => [r.epoch, r.train.loss]));
    if (model.network) this.#diagram.update(model.network);
    this.#last = { w, b, curve: model.curve, points: model.points };
    this.#draw();
  }

  #draw() {
    const plane = this.#plane;
    if (!plane.width) return;
    const ctx = plane.layer();
    const last = this.#last;
    const a = plane.area;
    // Where the model predicts 1 (p >= 0.5), a light tint of class 1; elsewhere of class 0.
    if (last) {
      plane.clip(ctx);
      const xs = this.#curveX;
      const classOf = (i) => (last.curve[2 * i + 1] >= 0.5 ? 1 : 0);
      for (let start = 0, i = 1; i <= xs.length; i++) {
        if (i < xs.length && classOf(i) === classOf(start)) continue;
        // One band per run of inputs with the same prediction, to the middle between runs.
        const from = start === 0 ? BOUNDS[0] : (xs[start - 1] + xs[start]) / 2;
        const to = i === xs.length ? BOUNDS[1] : (xs[i - 1] + xs[i]) / 2;
        const [x0] = plane.toPx(from, 0);
        const [x1] = plane.toPx(to, 0);
        ctx.fillStyle = classCss(classOf(start), 0.1);
        ctx.fillRect(x0, a.y, x1 - x0, a.h);
        start = i;
      }
      ctx.restore();
    }
    plane.drawAxes(ctx);
    ctx.save();
    ctx.strokeStyle = MUTED;
    ctx.setLineDash([6, 4]);
    const [, y05] = plane.toPx(0, 0.5);
    line(ctx, a.x, y05, a.x + a.w, y05);
    ctx.restore();
    label(ctx, this.#t('lesson.sigmoid.threshold'), a.x + a.w - 4, y05 - 10, { align: 'right', color: MUTED });
    if (last) this.#drawModel(ctx, last);
    this.#drawPoints(ctx);
  }

  #drawModel(ctx, { w, b, curve, points }) {
    const plane = this.#plane;
    const a = plane.area;
    const boundary = w !== 0 ? -b / w : NaN;
    if (boundary >= BOUNDS[0] && boundary <= BOUNDS[1]) {
      const [px] = plane.toPx(boundary, 0);
      ctx.save();
      ctx.strokeStyle = INK;
      ctx.setLineDash([2, 3]);
      line(ctx, px, a.y, px, a.y + a.h);
      ctx.restore();
      const text = this.#t('lesson.sigmoid.boundary', { x: fixed(boundary, 2) });
      label(ctx, text, px + (px > a.x + a.w * 0.7 ? -6 : 6), a.y + 12, { align: px > a.x + a.w * 0.7 ? 'right' : 'left' });
    }
    plane.clip(ctx);
    ctx.beginPath();
    this.#curveX.forEach((x, i) => {
      const [px, py] = plane.toPx(x, curve[2 * i + 1]);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    });
    ctx.lineWidth = 3;
    ctx.strokeStyle = CURVE_COLOR;
    ctx.stroke();
    ctx.restore();
    this.#inputs.forEach((x, i) => {
      const p = points.probabilities[2 * i + 1];
      const [px, py] = plane.toPx(x, p);
      ctx.save();
      ctx.translate(px, py);
      ctx.rotate(Math.PI / 4);
      ctx.fillStyle = classCss(points.labels[i]);
      ctx.strokeStyle = INK;
      ctx.lineWidth = 2;
      ctx.fillRect(-6, -6, 12, 12);
      ctx.strokeRect(-6, -6, 12, 12);
      ctx.restore();
      const above = p < 0.75;
      label(ctx, this.#t('lesson.sigmoid.pointLabel', { x, p: fixed(p) }), px, py + (above ? -12 : 12), { align: 'center', baseline: above ? 'bottom' : 'top' });
    });
  }

  #drawPoints(ctx) {
    for (const [x, y] of this.#points) {
      const [px, py] = this.#plane.toPx(x, y);
      ctx.beginPath();
      ctx.arc(px, py, 7, 0, 2 * Math.PI);
      ctx.fillStyle = classCss(y);
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = POINT_OUTLINE;
      ctx.stroke();
    }
  }

  destroy() {
    this.#chart.destroy();
    this.#diagram.destroy();
  }
}
