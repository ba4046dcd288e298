// What the reset notice ("Reset: ... changed, so both models start again at epoch 0.") names. A new
// file replaces the whole data: the dataset, its size (n goes back to the engine's default), the
// drawn points and the text are one change to the learner, "Data (imported file)", not a list of
// the state keys that moved with it.

/** State keys a new imported file changes together (state.js's data fields). */
const IMPORT_KEYS = new Set(['data', 'n', 'noise', 'points', 'csv']);

/** The notice's {what}: the changed keys' labels, an import's keys named once. */
export function resetWhat(keys, labelOf, t) {
  if (!keys.includes('csv')) return keys.map(labelOf).join(', ');
  return [t('dataImported'), ...keys.filter((k) => !IMPORT_KEYS.has(k)).map(labelOf)].join(', ');
}
