// What a field allows, said in words for the notice that refuses a typed value ("allowed: whole
// numbers from 1 to 200,000"). The bounds are the state table's (state.js), except where the
// engine's caps are the real limit (nn.specInfo().caps, engine-rules.js): the sample count and
// the hidden layers' count and width. Runs on the page.

/** Where the engine's cap, not the table's bound, is the largest value a field takes. */
const CAPPED_MAX = { n: 'samples', batchSize: 'samples' };

/** A number written for `lang`: thousands grouped, every decimal kept (0.9999 stays 0.9999). */
const written = (v, lang) => v.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 12 });

/**
 * The allowed range of `field` as a translated phrase, or '' when the field has no numeric range.
 * caps: the engine's caps (rules.caps), or null before the engine has loaded.
 */
export function allowedRange(field, caps, t) {
  const lang = t.lang;
  if (field.type === 'layers') {
    return caps ? t('rangeLayers', { layers: written(caps.hiddenLayers, lang), units: written(caps.units, lang) }) : '';
  }
  if (field.type !== 'int' && field.type !== 'float') return '';
  const capKey = CAPPED_MAX[field.key.replace(/^[ab]\./, '')];
  const max = capKey && caps ? Math.min(field.max, caps[capKey]) : field.max;
  const params = { min: written(field.min, lang), max: written(max, lang) };
  return t(field.type === 'int' ? 'rangeInt' : 'rangeFloat', params);
}
