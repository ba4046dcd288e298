// A frame's cost bounded per model (issue 11, worker/frame-budget.js): the decision grid's and the
// unit maps' sides from a ladder, by the measured (or, before the first frame, estimated) ms per
// cell, with hysteresis; then the playground group's frames with them, computed in parts that a
// reset abandons; and slow motion's update of a large model trained in pieces between message
// reads. No clock is asserted: the costs fed in are numbers, and the first frame's sides come
// from the estimate, which depends on the model's size alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';
import { FrameBudget, GRID_SIDES, MAP_SIDES, PART_BUDGET_MS, sideFor } from '../../web/worker/frame-budget.js';
import { PlaygroundGroup } from '../../web/worker/playground-group.js';

const { nn } = await loadEngine();
const B = PART_BUDGET_MS;
/** ms per cell at which a side's cost is `times` the budget. */
const perCell = (side, times) => (times * B) / (side * side);

test('sideFor: the largest side within the budget; none when even the smallest is over', () => {
  assert.equal(sideFor(GRID_SIDES, 0, B), 100);
  assert.equal(sideFor(GRID_SIDES, perCell(100, 1), B), 100, 'exactly the budget fits');
  assert.equal(sideFor(GRID_SIDES, perCell(100, 1.01), B), 72);
  assert.equal(sideFor(GRID_SIDES, perCell(36, 0.99), B), 36);
  assert.equal(sideFor(GRID_SIDES, perCell(8, 3), B), null);
  assert.equal(sideFor(MAP_SIDES, perCell(24, 1), B), 24);
  assert.equal(sideFor(MAP_SIDES, perCell(8, 1.01), B), null);
});

test('sideFor keeps the side in use until it costs 1.5 budgets, and takes a larger one only when it fits', () => {
  assert.equal(sideFor(GRID_SIDES, perCell(100, 1.4), B, 100), 100, 'a little over: stays');
  assert.equal(sideFor(GRID_SIDES, perCell(100, 1.6), B, 100), 72, 'well over: one rung down');
  assert.equal(sideFor(GRID_SIDES, perCell(100, 9), B, 100), 24, 'far over: straight to the side that fits');
  assert.equal(sideFor(GRID_SIDES, perCell(72, 1), B, 50), 72, 'a larger side that fits is taken');
  assert.equal(sideFor(GRID_SIDES, perCell(72, 1.2), B, 50), 50, 'one that does not fit is not');
  assert.equal(sideFor(MAP_SIDES, perCell(8, 1.4), B, 8), 8, 'maps stay on a little over');
  assert.equal(sideFor(MAP_SIDES, perCell(8, 1.6), B, 8), null, 'and go off well over');
  assert.equal(sideFor(MAP_SIDES, perCell(8, 1.2), B, null), null, 'off stays off until the smallest fits');
  assert.equal(sideFor(MAP_SIDES, perCell(8, 0.9), B, null), 8);
  // Costs wandering 25% either way around a rung's boundary: the side never flickers.
  let side = sideFor(GRID_SIDES, perCell(50, 1), B);
  const seen = new Set();
  for (const times of [1.25, 0.8, 1.2, 0.85, 1.25, 0.8]) {
    side = sideFor(GRID_SIDES, perCell(50, times), B, side);
    seen.add(side);
  }
  assert.equal(seen.size, 1, `sides seen: ${[...seen]}`);
});

test('FrameBudget: the first frame by the model\'s size, then by what its grid and maps took', () => {
  const tutorial = new FrameBudget({ parameters: 1203, hiddenLayers: 1 });  // 2-200-3
  assert.deepEqual([tutorial.gridSide, tutorial.mapSide], [100, 24], 'a small model keeps the full grid and maps');
  const huge = new FrameBudget({ parameters: 7.4e6, hiddenLayers: 8 });  // 8 x 1024
  assert.deepEqual([huge.gridSide, huge.mapSide], [8, null], 'the smallest grid (never none), no maps');
  huge.gridTook(8, 64 * 2);  // 2 ms a cell: a 100 x 100 grid would be 20 s
  assert.deepEqual([huge.gridSide, huge.mapSide], [8, null], 'the maps estimated at the grid\'s speed stay off');
  const wide = new FrameBudget({ parameters: 1.05e6, hiddenLayers: 2 });  // 2 x 1024
  assert.equal(wide.gridSide, 8);
  wide.gridTook(8, 64 * 0.024);  // the ReLU row sweep makes its grid cheap
  assert.equal(wide.gridSide, 36, '36 x 36 cells at 0.024 ms fit 40 ms');
  assert.notEqual(wide.mapSide, null, 'maps estimated from the grid\'s speed');
  wide.mapsTook(wide.mapSide, wide.mapSide ** 2 * 0.21);  // measured: 0.21 ms a cell
  assert.equal(wide.mapSide, 12, 'the maps\' own measure rules from then on');
  wide.gridTook(36, 36 * 36 * 0.001);
  assert.equal(wide.mapSide, 12, 'a grid measure no longer moves measured maps');
});

const hidden = (units, layers) => Array(layers).fill(units);

test('the playground group\'s frame: a huge model gets a coarse grid and no maps, the tutorial the full ones', async () => {
  const watch = { grid: 100, network: {} };
  const group = new PlaygroundGroup(nn, { a: { data: { name: 'circle', n: 320 }, model: { hidden: hidden(1024, 8) } },
    b: { data: { name: 'circle', n: 320 }, model: { hidden: [200] } } }, watch);
  try {
    const frame = await group.snapshot(false);
    const { a, b } = frame.models.trainers;
    assert.ok(a.gridSize < 100, `8 x 1024: ${a.gridSize}`);
    assert.equal(a.grid.length, a.gridSize * a.gridSize * a.probabilityWidth);
    assert.equal(a.network.mapsOff, true);
    assert.equal(a.network.map, null);
    assert.ok(a.network.maps.every((m) => m === null));
    assert.equal(a.network.weights.length, 10, 'the weights are still there');
    assert.equal(b.gridSize, 100);
    assert.equal(b.network.mapsOff, false);
    assert.equal(b.network.map.width, 24);
  } finally {
    group.dispose();
  }
});

test('a frame is computed in parts: light is state and grids; a frame whose group went away is abandoned', async () => {
  const spec = { data: { name: 'xor', n: 200 }, model: { hidden: [8] } };
  const group = new PlaygroundGroup(nn, { a: spec, b: spec }, { grid: 20, network: {} });
  try {
    let calls = 0;
    const light = await group.snapshot(false, async () => { calls += 1; return true; }, true);
    assert.equal(calls, 1, 'one look at the messages between the two grids');
    for (const m of Object.values(light.models.trainers)) {
      assert.equal(m.gridSize, 20);
      assert.equal(m.network, undefined);
      assert.equal(m.metrics, undefined);
    }
    calls = 0;
    const full = await group.snapshot(true, async () => { calls += 1; return true; });
    assert.equal(calls, 7, 'grid, diagram, metrics and weight statistics of each model: 8 parts');
    assert.ok(full.models.trainers.b.metrics.train && full.models.trainers.b.network);
    assert.equal(await group.snapshot(true, async () => false), null, 'abandoned at the first look');
  } finally {
    group.dispose();
  }
});

test('slow motion: a large model\'s update is trained in pieces, stopped by a pause between them and finished after', async () => {
  // 2 -> 512 -> 512 -> 2 on 1,000 points: one full-batch update is several times FIRST_WORK.
  const spec = { data: { name: 'circle', n: 1000 }, model: { hidden: [512, 512] } };
  const group = new PlaygroundGroup(nn, { a: { ...spec, model: { hidden: [] } }, b: spec }, { grid: 0 });
  try {
    const b = group.models.b;
    await group.trainUpdate(5, async () => false);  // paused at the first look
    assert.equal(b.trainer.state.step, 0, 'the update is under way');
    assert.ok(b.progress > 0 && b.progress < 1, `progress ${b.progress}`);
    let looks = 0;
    await group.trainUpdate(5, async () => { looks += 1; return true; });
    assert.ok(looks >= 1, 'the messages were read between pieces');
    assert.deepEqual([group.models.a.trainer.state.step, b.trainer.state.step, b.progress], [1, 1, 0], 'one update each');
  } finally {
    group.dispose();
  }
});
