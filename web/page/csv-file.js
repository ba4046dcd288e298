// An imported CSV file's text as the state keeps it (state.js): a byte order mark and Windows or
// old Mac line ends, which editors and spreadsheets add, taken out. Everything else about the file
// is the engine's to read and check (its message names the row and column): the numbers, the
// labels, and a last column `split` (train, val or test) that puts each row in its split.

/** The CSV text to keep. */
export function prepareCsv(raw) {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
