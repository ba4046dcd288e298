// The JavaScript API under hostile and huge input (issue 11, findings 2, 3, 6 and 9): every refusal
// is an NnplayError with its kind and message, the WebAssembly heap is as it was before the call
// (the allocator's bytes in use), and the engine goes on working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';

const { api, nn } = await loadEngine();
const small = { data: { name: 'circle', n: 60 }, model: { hidden: [4] }, epochs: 2 };

// Calls f, which must throw an NnplayError of `kind` whose message matches `pattern`.
function refused(f, kind, pattern) {
  assert.throws(f, (error) => {
    assert.ok(error instanceof api.NnplayError, `${error?.name}: ${error?.message}`);
    assert.equal(error.kind, kind);
    assert.match(error.message, pattern);
    return true;
  });
}

// Each refusal, repeated, leaves the heap exactly where it was, and a spec still trains after it.
function leavesHeap(label, f, times = 3) {
  f();  // the first call may size buffers that stay (the error text, Embind's tables)
  const before = nn.heapInUse();
  for (let i = 0; i < times; i++) f();
  assert.equal(nn.heapInUse(), before, `${label}: heap in use changed`);
  const t = nn.fromSpec(small);
  assert.equal(t.train({ epochs: 1 }).ran, 1);
  t.dispose();
}

test('limits() gives the engine caps, the work cap included', () => {
  const limits = nn.limits();
  assert.equal(limits.depth, 64);
  assert.equal(limits.specBytes, 64 * 1024 * 1024);
  assert.equal(limits.csvBytes, 16 * 1024 * 1024);
  assert.equal(limits.weightsBytes, 64 * 1024 * 1024);
  assert.equal(limits.epochWork, 6e9);
  limits.depth = 1;
  assert.equal(nn.limits().depth, 64);  // a copy each time
});

test('over-deep specs are spec errors, 50 times over, and the heap stays where it was', () => {
  // Each leaked 765 KB and after 34 the engine was dead (issue 11, finding 2).
  const deep = `{"seed":${'['.repeat(100000)}${']'.repeat(100000)}}`;
  leavesHeap('validate deep', () => refused(() => nn.validate(deep), 'spec', /nested deeper than the cap of 64 levels/), 50);
  leavesHeap('fromSpec deep', () => refused(() => nn.fromSpec(deep), 'spec', /nested deeper/));
  nn.validate({});
  // Too deep for JavaScript's own JSON.stringify: still an NnplayError.
  let object = {};
  for (let i = 0; i < 200000; i++) object = { a: object };
  refused(() => nn.validate(object), 'spec', /spec is not JSON/);
});

test('weights: a 34-million-number row, deep nesting and too many values are refused; the heap is as it was', () => {
  const t = nn.fromSpec(small);
  const good = t.getWeights();
  const huge = `[{"weight": [[${'0,'.repeat(34e6)}0]], "bias": [0]}]`;
  leavesHeap('huge weights', () => refused(() => t.setWeights(huge), 'spec', /weights are larger than the cap of 64 MiB/));
  const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
  leavesHeap('deep weights', () => refused(() => t.setWeights(deep), 'spec', /weights are nested deeper/));
  const many = `[{"weight": [[${'0,'.repeat(17e6)}0]], "bias": [0]}]`;
  leavesHeap('many values', () => refused(() => t.setWeights(many), 'spec', /more than 16000000 JSON values/), 1);
  refused(() => t.setWeights([{ weight: [[1]], bias: [0] }, good[1]]), 'spec', /expected weight 4 x 2/);
  assert.deepEqual(t.getWeights(), good);  // all or nothing
  t.dispose();
});

test('the CSV caps hold on every path: a spec with 17 MB of commas is refused by the engine', () => {
  const text = `${','.repeat(17 << 20)}\n`;
  leavesHeap('csv size', () => refused(() => nn.fromSpec({ data: { name: 'csv', text } }), 'spec',
    /CSV: the text is larger than the cap of 16 MiB/), 1);
  const wide = `${','.repeat(15 << 20)}\n1,0\n`;
  leavesHeap('csv width', () => refused(() => nn.fromSpec({ data: { name: 'csv', text: wide } }), 'spec',
    /at most 64 feature columns/), 1);
  refused(() => nn.fromSpec('x'.repeat((64 << 20) + 1)), 'spec', /spec is larger than the cap of 64 MiB/);
});

test('the work cap is a spec error from fromSpec, naming it', () => {
  const hidden = Array(8).fill(1024);
  leavesHeap('work cap', () => refused(() => nn.fromSpec({ data: { n: 200000 }, model: { hidden } }), 'spec',
    /past the work cap of 6000000000/), 1);
});

test('predict checks shapes and numbers; predict(null), fromSpec(undefined) and train({epochs: "x"}) are NnplayErrors', () => {
  const t = nn.fromSpec(small);
  refused(() => t.predict([[1], [2]]), 'spec', /point 0: expected 2 numbers/);  // was read as one point
  refused(() => t.predict([[1, NaN]]), 'spec', /number 1: expected a finite number/);
  refused(() => t.predict([[1, '2']]), 'spec', /number 1: expected a finite number.*"2"/);
  refused(() => t.predict(new Float32Array([1, Infinity])), 'spec', /finite/);
  refused(() => t.predict(null), 'spec', /predict: expected an array of points/);
  refused(() => t.predict([1, 2, 3]), 'spec', /points of 2 numbers/);
  assert.equal(t.predict([[0.5, -0.5], [1, 1]]).labels.length, 2);
  assert.equal(t.predict(new Float64Array([0.5, -0.5])).labels.length, 1);
  refused(() => nn.fromSpec(undefined), 'spec', /expected an object or JSON text, got undefined/);
  refused(() => nn.validate(() => 1), 'spec', /expected an object or JSON text/);
  refused(() => t.train({ epochs: 'x' }), 'spec', /train: epochs: expected an integer/);
  refused(() => t.train({ steps: 1.5 }), 'spec', /train: steps: expected an integer/);
  refused(() => t.train(null), 'spec', /train: expected/);
  assert.equal(t.state.epoch, 0);  // nothing ran
  t.dispose();
});

test('grid() validates the size before allocating: 2049 and 40000 a side are spec errors, heap unchanged', () => {
  const t = nn.fromSpec(small);
  const bounds = [-1, 1, -1, 1];
  leavesHeap('grid 2049', () => refused(() => t.grid({ width: 2049, height: 2049, bounds }), 'spec', /1 \.\. 2048/));
  leavesHeap('grid 40000', () => refused(() => t.grid({ width: 40000, height: 40000, bounds }), 'spec', /1 \.\. 2048/));
  refused(() => t.grid({ width: 'a', height: 4, bounds }), 'spec', /grid: width: expected an integer/);
  refused(() => t.grid({ width: 4, height: 4, bounds: [0, 1] }), 'spec', /grid: bounds/);
  refused(() => t.lossLandscape({ width: 600, height: 2, bounds }), 'spec', /1 \.\. 512/);
  assert.equal(t.grid({ width: 4, height: 4, bounds }).length, 4 * 4 * 2);
  t.dispose();
});

test('run() stops when onLine returns false or throws; the engine is usable and the heap as it was', () => {
  const spec = { ...small, epochs: 100, log_every: 1 };
  assert.equal(nn.run(spec, { onLine: (line) => line.epoch !== 3 }).length, 4);
  const boom = new Error('stop here');
  leavesHeap('run throwing', () => assert.throws(() => nn.run(spec, { onLine: () => { throw boom; } }), (e) => e === boom));
  assert.equal(nn.run(spec).at(-1).final, true);
});
