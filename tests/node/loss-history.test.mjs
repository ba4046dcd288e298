// The loss chart's history (web/page/loss-history.js) stays bounded over a long session, keeps the
// first and the latest epoch, and stays evenly spaced, so the curve keeps its shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { History, MAX_KEPT } from '../../web/page/loss-history.js';

test('a million epochs keep at most MAX_KEPT rows, evenly spaced, with the first and the latest', () => {
  const history = new History();
  const loss = (e) => 1 / e;
  let most = 0;
  for (let e = 1; e <= 1e6; e++) {
    history.add(e, loss(e), e % 7 === 0 ? null : 2 / e);
    most = Math.max(most, history.columns()[0].length);
  }
  assert.ok(most <= MAX_KEPT + 2, `${most} rows at most`);
  const [epochs, train, val] = history.columns();
  assert.ok(epochs.length >= MAX_KEPT / 4, `${epochs.length} rows`);
  assert.equal(epochs[0], 1);
  assert.equal(epochs.at(-1), 1e6);
  const stride = history.stride;
  assert.ok(stride >= 64, `stride ${stride}`);
  for (let i = 1; i < epochs.length - 1; i++) assert.equal(epochs[i] % stride, 0, `row ${i}: epoch ${epochs[i]}`);
  for (let i = 2; i < epochs.length - 1; i++) assert.equal(epochs[i] - epochs[i - 1], stride);
  epochs.forEach((e, i) => {
    assert.equal(train[i], loss(e));
    assert.equal(val[i], e % 7 === 0 ? null : 2 / e);
  });
});

test('a short run keeps every epoch', () => {
  const history = new History();
  for (let e = 1; e <= 1000; e++) history.add(e, e, e);
  assert.deepEqual(history.columns()[0], Array.from({ length: 1000 }, (_, i) => i + 1));
  assert.equal(history.stride, 1);
});

test('a small history thins as it fills: 10 rows', () => {
  const history = new History(10);
  for (let e = 1; e <= 25; e++) history.add(e, 0, 0);
  assert.deepEqual(history.columns()[0], [1, 4, 8, 12, 16, 20, 24, 25]);
});
