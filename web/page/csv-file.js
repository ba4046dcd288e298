// An imported CSV file made ready for the state (state.js keeps it as text): a header row, then
// one row per point with the features and an integer label, and optionally a last column `split`
// (train, val or test), as "Export data (CSV)" writes it. The engine checks the numbers and names
// the row and column of any error; this module checks the split column the same way, and puts the
// rows in the order train, val, test so that the splits can be given as fractions.

export const MAX_CSV_BYTES = 16 * 1024 * 1024;

/** The CSV text to keep, or throws an Error whose message names the row and column. */
export function prepareCsv(raw) {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const header = lines[0].split(',');
  if (header.at(-1).trim() !== 'split') return text;
  const column = header.length;
  const order = { train: 0, val: 1, test: 2 };
  const rows = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split(',');
    if (cells.length !== column) throw new Error(`CSV row ${i + 2}: expected ${column} columns, got ${cells.length}`);
    const split = cells.at(-1).trim();
    if (!Object.hasOwn(order, split)) throw new Error(`CSV row ${i + 2}, column ${column}: expected train, val or test, got "${split.slice(0, 40)}"`);
    rows.push({ line, rank: order[split] });
  });
  rows.sort((a, b) => a.rank - b.rank);  // stable: the order within a split is kept
  return [lines[0], ...rows.map((r) => r.line)].join('\n') + '\n';
}
