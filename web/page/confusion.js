// A confusion matrix as a table: row i = true class i, column j = predicted class j, each cell
// shaded by its share of the row (how many of class i went to j); the diagonal is bold. Text only, no HTML strings.
import { el, swatchOf } from './dom.js';

const cell = (tag, text, className) => el(tag, { textContent: text, ...(className ? { className } : {}) });

function swatchHeader(k, scope, t) {
  const th = cell('th', String(k));
  th.scope = scope;
  th.title = t('className', { k });
  th.prepend(swatchOf(k));
  return th;
}

/** Renders matrix[i][j] (counts) into a <table>; an empty matrix clears it. t: a translator (strings.js). */
export function renderConfusion(table, matrix, t) {
  table.replaceChildren();
  if (!matrix?.length) return;
  const classes = matrix.length;
  const head = el('tr', {}, cell('th', `${t('confusionTrue')} ${t('confusionPredicted')}`, 'corner'));
  for (let j = 0; j < classes; j++) head.append(swatchHeader(j, 'col', t));
  const thead = el('thead', {}, head);
  const tbody = el('tbody');
  matrix.forEach((row, i) => {
    const tr = el('tr', {}, swatchHeader(i, 'row', t));
    const total = row.reduce((a, b) => a + b, 0) || 1;
    row.forEach((count, j) => {
      const td = cell('td', String(count), i === j ? 'diagonal' : '');
      const share = count / total;
      // Shaded in ink, not in a class colour (blue and vermillion are classes 0 and 4 on the plot beside).
      td.style.backgroundColor = `rgba(29, 29, 40, ${share > 0 ? 0.05 + 0.4 * share : 0})`;
      tr.append(td);
    });
    tbody.append(tr);
  });
  table.append(thead, tbody);
}
