// The numbers a lesson's texts quote, from the lesson's own settings as the learner has them (the
// batch sizes, the race's learning rates), so "mini-batches of 32, 64 and 128" says 16 once the
// learner has set 16. texts.js has them as {placeholders}.
import { BATCH_TRAIN_ROWS, RACE_OPTIMIZERS, batchSizesOf, raceOptimizersOf } from './catalog.js';

const PARAMS = {
  batch: (options) => {
    const { mini32: small, mini64: medium, mini128: large } = batchSizesOf(options);
    // Updates per epoch: every batch of the training split, the last one possibly short.
    return { small, medium, large, updates: Math.ceil(BATCH_TRAIN_ROWS / small) };
  },
  optimizers: (options, t) => {
    const lrs = Object.fromEntries(Object.entries(raceOptimizersOf(options)).map(([name, { lr }]) => [name, lr]));
    const defaults = Object.entries(RACE_OPTIMIZERS).map(([name, { lr }]) => `${t(`lesson.optimizers.${name}`)} ${lr}`).join(', ');
    return { ...lrs, defaults };
  },
};

/** The {placeholders} of lesson `id`'s texts under `options`; {} for a lesson whose texts quote none. */
export function lessonTextParams(id, options, t) {
  return PARAMS[id]?.(options, t) ?? {};
}

/** A note under the "why" text when the learner's settings are not the ones it tells about, or ''. */
export function lessonTextNote(id, options, t) {
  if (id !== 'optimizers') return '';
  const changed = Object.entries(RACE_OPTIMIZERS).some(([name, { lr }]) => options[name] !== undefined && options[name] !== lr);
  return changed ? t('lesson.optimizers.changed', lessonTextParams(id, options, t)) : '';
}
