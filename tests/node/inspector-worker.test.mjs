// The worker's side of the step inspector (web/worker/requests.js, { what: 'trace' }) with the real
// engine: one traced update of the asked model, its records kept for the next frame, the
// normalized spec with it; a model past MAX_TRACED_PARAMETERS is refused with a message, and
// nothing steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';
import { MAX_TRACED_PARAMETERS, answer } from '../../web/worker/requests.js';

const { nn } = await loadEngine();

/** A group as the worker's trainer groups hold it: { models: { name: { trainer, records } }, specs }. */
function groupOf(specs) {
  const models = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { trainer: nn.fromSpec(spec), records: [] }]));
  return { models, specs, dispose: () => Object.values(models).forEach((m) => m.trainer.dispose()) };
}

test('trace request: one traced update of that model only, its record kept, the normalized spec', () => {
  const spec = { data: { name: 'radial', n: 100 }, model: { hidden: [8] }, optimizer: { name: 'adam', lr: 0.01 } };
  const group = groupOf({ a: { ...spec, model: { hidden: [] } }, b: spec });
  try {
    const { value, error } = answer(nn, group, { what: 'trace', panel: 'b', sample: 3 });
    assert.equal(error, undefined);
    assert.equal(value.trace.step, 0);
    assert.equal(value.trace.sample.index, 3, 'full batch: the chosen sample');
    assert.deepEqual(value.state, { epoch: 1, step: 1, status: 'ok' });
    assert.equal(value.spec.optimizer.name, 'adam');
    assert.deepEqual(value.spec.optimizer.betas, [0.9, 0.999], 'normalized: the defaults filled in');
    assert.equal(group.models.b.records.length, 1, 'the epoch it finished is in the next frame');
    assert.equal(group.models.a.trainer.state.step, 0, 'the other model did not step');
  } finally {
    group.dispose();
  }
});

test('trace request: a model past the limit is refused, naming its size, and does not step', () => {
  const group = groupOf({ b: { data: { name: 'radial', n: 100 }, model: { hidden: [400, 400] } } });
  try {
    assert.ok(group.models.b.trainer.parameterCount > MAX_TRACED_PARAMETERS);
    const { value, error } = answer(nn, group, { what: 'trace', panel: 'b' });
    assert.equal(value, undefined);
    assert.equal(error.kind, 'spec');
    assert.match(error.message, /up to 100,000 parameters; this one has 162,803/);
    assert.equal(group.models.b.trainer.state.step, 0);
  } finally {
    group.dispose();
  }
});
