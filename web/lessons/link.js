// A link's state, the same on the page, in embed.html and in <nn-playground> (its `state` and
// `lesson` attributes): state.js's fields, a short lesson link's preset (catalog.js's
// withLessonPreset), a short challenge link's setup (shared/challenges.js) and the open lesson's
// own state.
//
// A lesson with a view of its own keeps its state in keys named after it: its options and its
// speed, e.g. `#lesson=wine&lang=ko&wine.standardize=1&wine.seed=3&wine.speed=1`. Its link
// carries that and only that, with the keys that say how to show it (lang, and panels, controls,
// autoplay when they differ from their defaults): the playground hides behind such a lesson, so
// none of its settings belongs in the link. Links that carry playground keys too (as links did
// before) still open the lesson. A playground lesson's state is the playground's: its link is the
// playground's link. No DOM and no engine here.
import { FIELD, hashFromState, hashKeys, hashOf, parseValue, printValue, stateFromHash, unknownHashKeys } from '../shared/state.js';
import { withChallengeSetup } from '../shared/challenges.js';
import { LESSON, optionsOf, withLessonPreset } from './catalog.js';

/** The keys besides the lesson's own that a lesson link keeps: how to show it. */
const SHOW_KEYS = ['lesson', 'view', 'lang', 'panels', 'controls', 'autoplay'];

/** The lesson's own settings as state.js-like fields named `name`, keyed `${id}.${name}`: its options, then its speed. */
function lessonFields(lesson) {
  if (!lesson?.view) return [];
  const options = Object.entries(lesson.options ?? {}).map(([name, option]) => ({ ...option, name }));
  return [...options, { ...FIELD.speed, name: 'speed', default: lesson.speed }].map((f) => ({ ...f, key: `${lesson.id}.${f.name}` }));
}

/** A lesson's whole state from a partial one: { ...options, speed }, defaults where `given` has nothing. */
export function lessonStateOf(lesson, given = {}) {
  if (!lesson?.view) return {};
  const { speed = lesson.speed, ...options } = given;
  return { ...optionsOf(lesson, options), speed };
}

function paramsOf(hash) {
  try {
    return new URLSearchParams(String(hash).replace(/^#/, ''));
  } catch {
    return null;
  }
}

/**
 * The state a link's hash describes: { state, rejected: [keys whose value was refused] }. A short
 * lesson or challenge link (#lesson=features, #challenge=spiral-8) gets its preset;
 * `state.lessonState` is the open lesson's own state. `base` overrides the defaults (the
 * browser's language).
 */
export function stateFromLink(hash, base = {}) {
  const params = paramsOf(hash);
  const parsed = stateFromHash(hash, base);
  const keys = hashKeys(hash);  // ['#'] for a hash URLSearchParams refuses: no preset
  const state = withChallengeSetup(withLessonPreset(parsed.state, keys), keys);
  return { state: withLessonState(state, params), rejected: parsed.rejected.concat(lessonRejected(state, params)) };
}

/** The state with its lesson's own state read from `params` (a URLSearchParams or null). */
export function withLessonState(state, params) {
  const given = {};
  for (const f of lessonFields(LESSON[state.lesson])) {
    const value = params?.has(f.key) ? parseValue(f, params.get(f.key)) : undefined;
    if (value !== undefined) given[f.name] = value;
  }
  return { ...state, lessonState: lessonStateOf(LESSON[state.lesson], given) };
}

function lessonRejected(state, params) {
  return lessonFields(LESSON[state.lesson]).filter((f) => params?.has(f.key) && parseValue(f, params.get(f.key)) === undefined).map((f) => f.key);
}

/**
 * What following a link on an open page changes, given the state it describes (stateFromLink): a
 * lesson's own link leaves the playground's settings as they are (they wait behind the lesson);
 * any other link says the whole state.
 */
export function patchOfLink(hash, state) {
  const keys = hashKeys(hash);
  const own = lessonFields(LESSON[state.lesson]).map((f) => f.key);
  if (own.length === 0 || keys.some((key) => !SHOW_KEYS.includes(key) && !own.includes(key))) return state;
  return Object.fromEntries([...SHOW_KEYS, 'lessonState'].map((key) => [key, state[key]]));
}

/** The keys of a hash that are neither fields (state.js) nor the own state of the lesson it names. */
export function unknownLinkKeys(hash) {
  const own = lessonFields(LESSON[paramsOf(hash)?.get('lesson')]).map((f) => f.key);
  return unknownHashKeys(hash).filter((key) => !own.includes(key));
}

/** The link's hash for a state: a lesson with a view gets its own short link, anything else the playground's. */
export function linkHash(state) {
  const lesson = LESSON[state.lesson];
  if (!lesson?.view) return hashFromState(state);
  const params = new URLSearchParams();
  for (const f of SHOW_KEYS.map((key) => FIELD[key])) if (!f.when || f.when(state)) params.set(f.key, printValue(f, state[f.key]));
  const own = lessonStateOf(lesson, state.lessonState);
  for (const f of lessonFields(lesson)) params.set(f.key, printValue(f, own[f.name]));
  return hashOf(params);
}
