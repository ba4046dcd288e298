// Tensors printed the way PyTorch 1.13 prints them (torch/_tensor_str.py with the default
// print options), so the step inspector's numbers read exactly like a learner's own print():
//
//   tensor([[ 0.1234, -0.5000],        4 decimals, one width for every element,
//           [ 1.0000,  2.0000]])       rows aligned under the first '['
//   tensor([1.2346e-05, 1.0000e+00])   sci mode when max/min of the nonzero finite |values| > 1000,
//                                       max > 1e8 or min < 1e-4
//   tensor([0., 1., 2.])               int mode: every value a whole number
//   tensor([ 1.,  2.,  3.,  ..., 98., 99., 100.])  more than 1000 elements: 3 at each edge, '...'
//
// Values are float32 (Math.fround), formatted from their exact binary value with Python's rounding
// (round half to even on an exact tie; JavaScript's toFixed rounds ties up). Pure: no DOM.
// tests/node/torch-format.test.mjs compares it with strings printed by python3-torch
// (tests/golden/print/torch_format.json, made by scripts/make_torch_format_golden.py).

export const PRINT_OPTS = Object.freeze({ precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 });

/**
 * Rounds the decimal digit string `digits` (no sign, no point) to `keep` digits, half to even;
 * returns the kept digits (one more when a carry ran over the front).
 */
function roundDigits(digits, keep) {
  const kept = digits.slice(0, keep).split('').map(Number);
  const rest = digits.slice(keep);
  const tie = /^50*$/.test(rest);
  const up = rest[0] > '5' || (rest[0] === '5' && !tie) || (tie && kept.length > 0 && kept.at(-1) % 2 === 1);
  if (up) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i < 0) kept.unshift(1);
    else kept[i] += 1;
  }
  return kept.join('');
}

const signOf = (v) => (v < 0 || Object.is(v, -0) ? '-' : '');

function special(v) {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return null;
}

/** Python's '{:.Nf}'.format(v). */
export function formatFixed(v, precision) {
  const s = special(v);
  if (s) return s;
  // toFixed(100) is exact for float32 values this size (their binary fractions end within 100 digits).
  const [int, frac = ''] = Math.abs(v).toFixed(100).split('.');
  const rounded = roundDigits(int + frac, int.length + precision);
  const intLen = rounded.length - precision;
  const body = precision > 0 ? `${rounded.slice(0, intLen)}.${rounded.slice(intLen)}` : rounded;
  return signOf(v) + body.replace(/^0+(?=\d)/, '');
}

/** Python's '{:.Ne}'.format(v): mantissa with N decimals, exponent signed and at least 2 digits. */
export function formatExp(v, precision) {
  const s = special(v);
  if (s) return s;
  if (v === 0) return `${signOf(v)}${(0).toFixed(precision)}e+00`;
  const [mant, exp] = Math.abs(v).toExponential(100).split('e');
  let e = Number(exp);
  let digits = roundDigits(mant.replace('.', ''), precision + 1);
  if (digits.length > precision + 1) {  // 9.99995 -> 10.0000: one more power of ten
    digits = digits.slice(0, precision + 1);
    e += 1;
  }
  const body = precision > 0 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${signOf(v)}${body}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** torch's _Formatter: the mode (int, sci or fixed) and the width, from the values it will print. */
export class TorchFormatter {
  intMode = true;
  sciMode = false;
  maxWidth = 1;

  constructor(values) {
    const nonzero = values.map(Math.fround).filter((v) => Number.isFinite(v) && v !== 0);
    if (nonzero.length === 0) return;
    const abs = nonzero.map(Math.abs);
    const [min, max] = [Math.min(...abs), Math.max(...abs)];
    this.intMode = nonzero.every((v) => v === Math.ceil(v));
    const p = PRINT_OPTS.precision;
    this.sciMode = max / min > 1000 || max > 1e8 || (!this.intMode && min < 1e-4);
    const width = this.sciMode ? (v) => formatExp(v, p).length
      : this.intMode ? (v) => formatFixed(v, 0).length + 1 : (v) => formatFixed(v, p).length;
    for (const v of nonzero) this.maxWidth = Math.max(this.maxWidth, width(v));
  }

  format(value) {
    const v = Math.fround(value);
    const p = PRINT_OPTS.precision;
    let text;
    if (this.sciMode) text = formatExp(v, p);
    else if (this.intMode) text = formatFixed(v, 0) + (Number.isFinite(v) ? '.' : '');
    else text = formatFixed(v, p);
    return text.padStart(this.maxWidth);
  }
}

/** The shape of nested arrays: [] for a number, [n] for a vector, [rows, cols] for a matrix, ... */
export function shapeOf(value) {
  const shape = [];
  for (let v = value; Array.isArray(v); v = v[0]) shape.push(v.length);
  return shape;
}

const count = (shape) => shape.reduce((a, b) => a * b, 1);

/** get_summarized_data: the elements a summarized print shows (edgeitems at each end of each dim). */
function summarizedValues(value, summarize) {
  if (!Array.isArray(value)) return [value];
  const e = PRINT_OPTS.edgeitems;
  const parts = summarize && value.length > 2 * e ? [...value.slice(0, e), ...value.slice(-e)] : value;
  return parts.flatMap((v) => summarizedValues(v, summarize));
}

function vectorStr(values, indent, summarize, formatter) {
  const elementLength = formatter.maxWidth + 2;
  const perLine = Math.max(1, Math.floor((PRINT_OPTS.linewidth - indent) / elementLength));
  const e = PRINT_OPTS.edgeitems;
  const fmt = (v) => formatter.format(v);
  const data = summarize && values.length > 2 * e
    ? [...values.slice(0, e).map(fmt), ' ...', ...values.slice(-e).map(fmt)] : values.map(fmt);
  const lines = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return `[${lines.join(`,\n${' '.repeat(indent + 1)}`)}]`;
}

function tensorStr(value, indent, summarize, formatter) {
  if (!Array.isArray(value)) return formatter.format(value);
  if (!Array.isArray(value[0])) return vectorStr(value, indent, summarize, formatter);
  const dim = shapeOf(value).length;
  const e = PRINT_OPTS.edgeitems;
  const sub = (v) => tensorStr(v, indent + 1, summarize, formatter);
  const slices = summarize && value.length > 2 * e
    ? [...value.slice(0, e).map(sub), '...', ...value.slice(-e).map(sub)] : value.map(sub);
  return `[${slices.join(`,${'\n'.repeat(dim - 1)}${' '.repeat(indent + 1)}`)}]`;
}

/**
 * print(t) for a float32 tensor given as a number or nested arrays: 'tensor([[...]])'. `suffixes`
 * (e.g. ['requires_grad=True'] or ['grad_fn=<NllLossBackward0>']) follow as PyTorch adds them.
 */
export function formatTensor(value, { suffixes = [] } = {}) {
  const prefix = 'tensor(';
  const indent = prefix.length;
  const shape = shapeOf(value);
  let body;
  const extra = [...suffixes];
  if (count(shape) === 0) {
    body = '[]';
    if (shape.length !== 1) extra.unshift(`size=(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`);
  } else {
    const summarize = count(shape) > PRINT_OPTS.threshold;
    const formatter = new TorchFormatter(summarizedValues(value, summarize));
    body = tensorStr(value, indent, summarize, formatter);
  }
  // _add_suffixes: a suffix goes on a new line when the last line would pass the line width.
  let text = prefix + body;
  let lastLine = text.length - text.lastIndexOf('\n') + 1;
  for (const suffix of extra) {
    if (lastLine + suffix.length + 2 > PRINT_OPTS.linewidth) {
      text += `,\n${' '.repeat(indent)}${suffix}`;
      lastLine = indent + suffix.length;
    } else {
      text += `, ${suffix}`;
      lastLine += suffix.length + 2;
    }
  }
  return `${text})`;
}
