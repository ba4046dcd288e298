// Lesson 5's view: four optimizers on the two-parameter study-hours model. Left, the loss surface
// over (W, b) as the engine computes it (Trainer.lossLandscape, sent once with its contours,
// worked out in the worker: group.js), filled in bands with contour lines, and each optimizer's
// path drawn live from its weights after every epoch; right, the four loss curves overlaid and a
// table of where each is now.
import { RACE_BOUNDS, raceOptimizersOf } from '../lessons/catalog.js';
import { RACE_COLORS } from './colors.js';
import { rampColor } from '../shared/contours.js';
import { scrollRegion } from '../page/scroll-hint.js';
import { el, fixed, showValue } from '../page/dom.js';
import { INK, Plane, label } from './plane.js';
import { SeriesChart, legendOf } from './series-chart.js';


/** An optimizer's settings as PyTorch's arguments: "lr=0.01, momentum=0.9". */
const settingsText = ({ name, ...options }) => Object.entries(options).map(([k, v]) => `${k}=${v}`).join(', ');

export class RaceView {
  #t;
  #plane;
  #chart;
  #cells = {};
  #paths = {};
  #surface = null;  // { image: a canvas of the bands, lines: [segments per level], width, height }

  /** options: the lesson's (each optimizer's learning rate). */
  constructor(host, { t, options }) {
    this.#t = t;
    const k = (key, params) => t(`lesson.optimizers.${key}`, params);
    const optimizers = raceOptimizersOf(options);
    const names = Object.keys(optimizers);
    for (const name of names) this.#paths[name] = [];
    const series = names.map((name) => ({ label: k(name), color: RACE_COLORS[name] }));
    const plot = el('div', { className: 'race-plane' });
    plot.setAttribute('role', 'img');
    plot.setAttribute('aria-label', k('plotLabel'));
    const ramp = el('span', { className: 'ramp' });
    ramp.style.backgroundImage = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((s) => `rgb(${rampColor(s).join(',')})`).join(', ')})`;
    const th = (text) => el('th', { scope: 'col' }, text);
    const cell = (name, field) => {
      const td = el('td');
      td.dataset.field = field;
      this.#cells[`${name}.${field}`] = td;
      return td;
    };
    const table = el('table', { className: 'lesson-table race-table' },
      el('thead', {}, el('tr', {}, th(k('optimizer')), th('W'), th('b'), th(k('loss')))),
      el('tbody', {}, ...names.map((name) => {
        const swatch = el('span', { className: 'series-line' });
        swatch.style.borderTopColor = RACE_COLORS[name];
        const row = el('tr', {}, el('th', { scope: 'row' }, swatch, k(name), el('span', { className: 'settings' }, settingsText(optimizers[name]))),
          cell(name, 'w'), cell(name, 'b'), cell(name, 'loss'));
        row.dataset.optimizer = name;
        return row;
      })));
    const chartBox = el('div', { className: 'chart-box' });
    host.replaceChildren(el('div', { className: 'view-columns' },
      el('figure', { className: 'view-main' }, plot,
        el('figcaption', {}, legendOf(series), el('p', { className: 'ramp-key' }, k('lower'), ramp, k('higher')))),
      el('div', { className: 'view-side' },
        el('section', { className: 'card' }, scrollRegion(table, t('tableRegion'))),
        el('figure', { className: 'card chart' }, el('figcaption', {}, k('chartTitle')), chartBox))));
    this.#plane = new Plane(plot, { bounds: RACE_BOUNDS, xTicks: [-0.2, 0, 0.2, 0.4, 0.6], yTicks: [-5, -4, -3, -2, -1, 0, 1],
      xLabel: k('weight'), yLabel: k('bias'), layers: 2, onResize: () => { this.#drawSurface(); this.#drawPaths(); } });
    this.#chart = new SeriesChart(chartBox, { series, xLabel: t('epoch'), height: 200 });
  }

  data() {}

  frame({ trainers, landscape }) {
    if (landscape) this.#setSurface(landscape);
    Object.entries(trainers).forEach(([name, m], i) => {
      this.#paths[name].push(...m.path);
      const [w, b] = this.#paths[name].at(-1) ?? [NaN, NaN];
      showValue(this.#cells[`${name}.w`], w, fixed(w));
      showValue(this.#cells[`${name}.b`], b, fixed(b));
      showValue(this.#cells[`${name}.loss`], m.evaluation.train.loss, fixed(m.evaluation.train.loss));
      this.#chart.add(i, m.records.map((r) => [r.epoch, r.train.loss]));
    });
    this.#plane.element.dataset.paths = JSON.stringify(Object.fromEntries(Object.entries(this.#paths).map(([n, p]) => [n, p.length])));
    this.#drawPaths();
  }

  /** The landscape's bands as an image, kept with its contour lines. */
  #setSurface({ width, height, pixels, lines }) {
    const image = document.createElement('canvas');
    [image.width, image.height] = [width, height];
    image.getContext('2d').putImageData(new ImageData(pixels, width, height), 0, 0);
    this.#surface = { image, width, height, lines };
    this.#drawSurface();
  }

  #drawSurface() {
    const plane = this.#plane;
    if (!plane.width) return;
    const ctx = plane.layer(0);
    const surface = this.#surface;
    const a = plane.area;
    if (surface) {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(surface.image, a.x, a.y, a.w, a.h);
      // Grid units (sample centres at integers) to CSS pixels.
      const sx = a.w / surface.width;
      const sy = a.h / surface.height;
      ctx.strokeStyle = 'rgba(30, 30, 50, 0.35)';
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (const segments of surface.lines) {
        for (let i = 0; i < segments.length; i += 4) {
          ctx.moveTo(a.x + (segments[i] + 0.5) * sx, a.y + (segments[i + 1] + 0.5) * sy);
          ctx.lineTo(a.x + (segments[i + 2] + 0.5) * sx, a.y + (segments[i + 3] + 0.5) * sy);
        }
      }
      ctx.stroke();
    }
    plane.drawAxes(ctx, { grid: false });
  }

  #drawPaths() {
    const plane = this.#plane;
    if (!plane.width) return;
    const ctx = plane.layer(1);
    plane.clip(ctx);
    const start = Object.values(this.#paths).find((p) => p.length)?.[0];
    // The slowest (SGD, listed first) is drawn last, so the others' paths never hide it; the
    // markers of where each is now go on top of every path.
    const paths = Object.entries(this.#paths).filter(([, path]) => path.length).reverse();
    for (const [name, path] of paths) {
      ctx.beginPath();
      path.forEach(([w, b], i) => {
        const [px, py] = plane.toPx(w, b);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      ctx.lineJoin = 'round';
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.8)';
      ctx.lineWidth = 5;
      ctx.stroke();
      ctx.strokeStyle = RACE_COLORS[name];
      ctx.lineWidth = 2.5;
      ctx.stroke();
    }
    for (const [name, path] of paths) {
      const [px, py] = plane.toPx(...path.at(-1));
      ctx.beginPath();
      ctx.arc(px, py, 6, 0, 2 * Math.PI);
      ctx.fillStyle = RACE_COLORS[name];
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 2;
      ctx.stroke();
    }
    ctx.restore();
    if (start) {
      const [px, py] = plane.toPx(...start);
      ctx.beginPath();
      ctx.arc(px, py, 5, 0, 2 * Math.PI);
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.strokeStyle = INK;
      ctx.lineWidth = 2;
      ctx.stroke();
      label(ctx, this.#t('lesson.optimizers.start'), px + 9, py - 10);
    }
  }

  destroy() {
    this.#chart.destroy();
  }
}
