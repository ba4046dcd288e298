// A 2-D plot drawn on stacked canvases: data bounds [xmin, xmax, ymin, ymax] mapped into a frame
// with margins for the axes, ticks and axis labels. Layers are drawn in CSS pixels (the device
// pixel ratio is applied here). The sigmoid and optimizer-race views draw on it; it redraws
// nothing itself, it calls onResize so the view can.

const MARGIN = { left: 46, right: 12, top: 10, bottom: 38 };
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans KR", sans-serif';
export const INK = '#1d1d28';
export const MUTED = '#5c5c6e';

export class Plane {
  #canvases;
  #size = { width: 0, height: 0 };

  /**
   * element: an empty element to fill (it gets the class "plane"). options: bounds, xTicks and
   * yTicks (values), xLabel, yLabel, layers (how many canvases, default 1), onResize().
   */
  constructor(element, { bounds, xTicks, yTicks, xLabel, yLabel, layers = 1, onResize }) {
    this.element = element;
    element.classList.add('plane');
    this.bounds = bounds;
    Object.assign(this, { xTicks, yTicks, xLabel, yLabel });
    this.#canvases = Array.from({ length: layers }, () => element.appendChild(document.createElement('canvas')));
    new ResizeObserver(() => {
      const { clientWidth: width, clientHeight: height } = element;
      if (width === this.#size.width && height === this.#size.height) return;
      this.#size = { width, height };
      const dpr = window.devicePixelRatio || 1;
      for (const canvas of this.#canvases) [canvas.width, canvas.height] = [Math.round(width * dpr), Math.round(height * dpr)];
      onResize?.();
    }).observe(element);
  }

  get width() { return this.#size.width; }
  get height() { return this.#size.height; }

  /** The plotting area in CSS pixels: { x, y, w, h }. */
  get area() {
    return { x: MARGIN.left, y: MARGIN.top, w: Math.max(1, this.width - MARGIN.left - MARGIN.right),
      h: Math.max(1, this.height - MARGIN.top - MARGIN.bottom) };
  }

  /** CSS pixel [px, py] of the data point (x, y). */
  toPx(x, y) {
    const [xmin, xmax, ymin, ymax] = this.bounds;
    const a = this.area;
    return [a.x + ((x - xmin) / (xmax - xmin)) * a.w, a.y + ((ymax - y) / (ymax - ymin)) * a.h];
  }

  /** Layer i's 2-D context, cleared, drawing in CSS pixels. */
  layer(i = 0) {
    const canvas = this.#canvases[i];
    const ctx = canvas.getContext('2d');
    const dpr = canvas.width / Math.max(1, this.width);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = FONT;
    return ctx;
  }

  /** Clips a context to the plotting area (restore() to undo). */
  clip(ctx) {
    const a = this.area;
    ctx.save();
    ctx.beginPath();
    ctx.rect(a.x, a.y, a.w, a.h);
    ctx.clip();
  }

  /** The frame, the tick labels and the axis labels; `grid` draws light lines at the ticks. */
  drawAxes(ctx, { grid = true } = {}) {
    const a = this.area;
    ctx.save();
    ctx.lineWidth = 1;
    ctx.fillStyle = MUTED;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.08)';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const v of this.xTicks) {
      const [px] = this.toPx(v, 0);
      if (grid) line(ctx, px, a.y, px, a.y + a.h);
      ctx.fillText(tickText(v), px, a.y + a.h + 4);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of this.yTicks) {
      const [, py] = this.toPx(0, v);
      if (grid) line(ctx, a.x, py, a.x + a.w, py);
      ctx.fillText(tickText(v), a.x - 5, py);
    }
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.35)';
    ctx.strokeRect(a.x + 0.5, a.y + 0.5, a.w - 1, a.h - 1);
    ctx.fillStyle = INK;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(this.xLabel, a.x + a.w / 2, this.height - 2);
    ctx.translate(12, a.y + a.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(this.yLabel, 0, 0);
    ctx.restore();
  }
}

export function line(ctx, x0, y0, x1, y1) {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

/** A tick value without float noise, with a real minus sign. */
function tickText(v) {
  return String(Math.round(v * 1000) / 1000).replace('-', '−');
}

/** A label on a light box so it reads over lines and colours. */
export function label(ctx, text, x, y, { align = 'left', color = INK, baseline = 'middle' } = {}) {
  ctx.save();
  ctx.textAlign = align;
  ctx.textBaseline = baseline;
  const w = ctx.measureText(text).width;
  const left = align === 'left' ? x : align === 'right' ? x - w : x - w / 2;
  const top = baseline === 'middle' ? y - 8 : baseline === 'bottom' ? y - 16 : y;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(left - 3, top, w + 6, 16);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
  ctx.restore();
}
