// The engine's messages in the page's language. The engine speaks English and its words are the
// contract (docs/spec.md): the English page shows them as they are. Other languages get the
// message framed in their words: the divergence sentence, the commonest refusals and CSV errors
// translated, any other refusal kept in the engine's words after the field's name and spec path
// (so the learner still sees which setting it is about).

// diverge() in engine/experiment.cpp: "diverged: <what> became <NaN|infinite|NaN or infinite> in epoch N ...".
const DIVERGED = /^diverged: (a parameter|the loss) became (NaN or infinite|NaN|infinite) in epoch (\d+)/;
const SPEC_AT = /^spec error at ([^:]+): ([\s\S]*)$/;
const CSV_AT = /^CSV row (\d+), column (\d+): ([\s\S]*)$/;

/** Engine wordings translated, each a pattern and the string key its groups fill. */
const WORDINGS = [
  [/^expected an integer in (\S+) \.\. (\S+), got (.+)$/, 'engine.rangeInt', ['min', 'max', 'got']],
  [/^expected a number in (\S+) \.\. (\S+), got (.+)$/, 'engine.rangeNumber', ['min', 'max', 'got']],
  [/^expected a number >= (\S+), got (.+)$/, 'engine.atLeast', ['min', 'got']],
  [/^expected a number, got (.+)$/, 'engine.number', ['got']],
  [/^expected an integer class label (\d+)\.\.(\d+), got (.+)$/, 'engine.label', ['min', 'max', 'got']],
  [/^one epoch would take (\d+) multiply-adds [\s\S]*past the work cap of (\d+) per epoch/, 'engine.workCap', ['work', 'cap']],
];

/** A spec path's control, as the page labels it (state.js keys); the path itself otherwise. */
const FIELD_KEYS = { 'data.n': 'n', 'data.noise': 'noise', 'data.split': 'trainPct', seed: 'seed', 'model.hidden': 'hidden',
  'optimizer.lr': 'lr', 'optimizer.momentum': 'momentum', batch_size: 'batch', epochs: 'limit' };

function translated(t, text) {
  for (const [pattern, key, names] of WORDINGS) {
    const m = pattern.exec(text);
    if (m) return t(key, Object.fromEntries(names.map((name, i) => [name, m[i + 1]])));
  }
  return text;
}

/** The text of an engine error (a refused setting, a spec the run cannot train, a CSV it cannot read). */
export function engineMessage(t, message = '') {
  if (t.lang === 'en') return message;
  const spec = SPEC_AT.exec(message);
  if (spec) {
    const key = FIELD_KEYS[spec[1].replace(/\[\d+\]$/, '')];
    return t('engine.at', { field: key ? t(key) : spec[1], path: spec[1], message: translated(t, spec[2]) });
  }
  const csv = CSV_AT.exec(message);
  if (csv) return t('engine.csvAt', { row: csv[1], column: csv[2], message: translated(t, csv[3]) });
  return message;
}

/** A diverged model's message: the engine's sentence, or in another language the same facts. */
export function divergedMessage(t, message = '', epoch = 0) {
  if (t.lang === 'en') return message;
  const m = DIVERGED.exec(message);
  if (!m) return t('engine.diverged', { epoch });
  const value = { infinite: t('engine.infinite'), 'NaN or infinite': t('engine.nanOrInfinite') }[m[2]] ?? m[2];
  return t(m[1] === 'the loss' ? 'engine.divergedLoss' : 'engine.divergedParameter', { epoch: m[3], value });
}
