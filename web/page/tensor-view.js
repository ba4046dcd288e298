// A named tensor as the step inspector shows it: its caption, PyTorch's print of it
// (../shared/torch-format.js) and, for a tensor of more than a few values, every value in a table
// (built when the learner opens it: a 200 x 2 weight is 400 cells). The exact values travel in
// data-value (JSON), for tests and for anyone reading the page's DOM.
import { el } from './dom.js';
import { TorchFormatter, formatTensor, shapeOf } from '../shared/torch-format.js';

const TABLE_FROM = 9;  // values: smaller tensors read whole in their print

/** The tensor as rows of numbers: a number is [[v]], a vector one row, a matrix its rows. */
function rowsOf(value) {
  if (!Array.isArray(value)) return [[value]];
  return Array.isArray(value[0]) ? value : [value];
}

function tableOf(value) {
  const rows = rowsOf(value);
  const formatter = new TorchFormatter(rows.flat());
  const head = el('tr', {}, el('th', { scope: 'col' }), ...rows[0].map((_, j) => el('th', { scope: 'col', textContent: String(j) })));
  const body = rows.map((r, i) => el('tr', {}, el('th', { scope: 'row', textContent: String(i) }),
    ...r.map((v) => el('td', { textContent: formatter.format(v).trim() }))));
  return el('table', { className: 'tensor-table' }, el('thead', {}, head), el('tbody', {}, ...body));
}

/** A <figure> for one item of ../shared/step-lines.js: caption, print, and the table on demand. */
export function tensorFigure({ key, args, value, suffixes }, t) {
  const pre = el('pre', { className: 'tensor', textContent: formatTensor(value, { suffixes }) });
  pre.dataset.value = JSON.stringify(value);
  const figure = el('figure', { className: 'tensor-item' }, el('figcaption', { textContent: t(`inspector.${key}`, args) }), pre);
  figure.dataset.item = key;
  if (args.name) figure.dataset.name = args.name;
  if (args.state) figure.dataset.state = args.state;
  const n = shapeOf(value).reduce((a, b) => a * b, 1);
  if (n >= TABLE_FROM && shapeOf(value).length <= 2) {
    const details = el('details', { className: 'tensor-all' }, el('summary', { textContent: t('inspector.allValues', { n }) }));
    details.addEventListener('toggle', () => {
      if (details.open && !details.querySelector('table')) details.append(el('div', { className: 'table-scroll' }, tableOf(value)));
    });
    figure.append(details);
  }
  return figure;
}
