// The engine worker's watchdog (web/page/worker-supervisor.js) without a browser: fake workers and a
// fake clock. A crash after the worker spoke restarts it, a crash before it spoke is a failed
// start, SILENT_MS (plus the worker's 'busy' allowance) without a message while a ping is
// unanswered restarts it,
// throttled timers judge nothing, and past MAX_RESTARTS in the window restarts are 'repeated'.
// Also the worker's own estimate of how long it may be silent (web/worker/busy.js).
// The real thing, in Chromium: tests/node/robustness.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_RESTARTS, PING_MS, RESTART_WINDOW_MS, SILENT_MS, WorkerSupervisor } from '../../web/page/worker-supervisor.js';
import { silentMs } from '../../web/worker/busy.js';

class FakeWorker {
  posted = [];
  terminated = false;
  onmessage = null;
  onerror = null;
  postMessage(message) { this.posted.push(message); }
  terminate() { this.terminated = true; }
  say(data) { this.onmessage?.({ data }); }
  crash(message) {
    const event = { message, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.onerror?.(event);
    return event;
  }
}

/** A supervisor over fake workers and a clock moved by hand; `answer` makes every worker pong its pings. */
function setup({ answer = false } = {}) {
  let now = 0;
  let tick = null;
  const workers = [];
  const log = { messages: [], startErrors: [], restarts: [] };
  const supervisor = new WorkerSupervisor({
    create: () => {
      const worker = new FakeWorker();
      if (answer) worker.postMessage = (m) => { worker.posted.push(m); if (m.type === 'ping') worker.say({ type: 'pong' }); };
      workers.push(worker);
      return worker;
    },
    onMessage: (m) => log.messages.push(m),
    onStartError: (e) => log.startErrors.push(e.message),
    onRestart: (why) => log.restarts.push(why),
    clock: { now: () => now, every: (fn) => { tick = fn; return 1; }, stop: () => { tick = null; } },
  });
  /** Moves the clock by `ms` in ticks of PING_MS, as setInterval would. */
  const advance = (ms, step = PING_MS) => {
    for (let t = 0; t < ms; t += step) {
      now += step;
      tick?.();
    }
  };
  return { supervisor, workers, log, advance, current: () => workers.at(-1) };
}

test('messages pass through, pongs and busy stay with the supervisor', () => {
  const { supervisor, workers, log, current } = setup();
  supervisor.post({ type: 'play' });
  assert.deepEqual(current().posted, [{ type: 'play' }]);
  current().say({ type: 'ready' });
  current().say({ type: 'pong' });
  current().say({ type: 'busy', ms: 5 });
  current().say({ type: 'frame', seq: 1 });
  assert.deepEqual(log.messages, [{ type: 'ready' }, { type: 'frame', seq: 1 }]);
  supervisor.terminate();
  assert.equal(workers[0].terminated, true);
});

test('an error before the worker spoke is a failed start: reported, not restarted', () => {
  const { workers, log, current } = setup();
  const event = current().crash('could not load the engine');
  assert.deepEqual(log.startErrors, ['could not load the engine']);
  assert.equal(event.defaultPrevented, true);
  assert.equal(workers.length, 1);
  assert.deepEqual(log.restarts, []);
});

test('an error after the worker spoke: the worker is replaced, its late messages are ignored', () => {
  const { supervisor, workers, log, current } = setup();
  const first = current();
  first.say({ type: 'ready' });
  const event = first.crash('Uncaught Error: boom');
  assert.equal(event.defaultPrevented, true, 'not also logged as an uncaught error of the page');
  assert.equal(first.terminated, true);
  assert.equal(workers.length, 2);
  assert.deepEqual(log.restarts, [{ reason: 'crash', detail: 'Uncaught Error: boom', restarts: 1, repeated: false }]);
  first.say({ type: 'frame', seq: 9 });  // a message already on its way from the dead worker
  assert.deepEqual(log.messages, [{ type: 'ready' }]);
  supervisor.post({ type: 'configure' });
  assert.deepEqual(current().posted, [{ type: 'configure' }], 'messages go to the new worker');
});

test('a worker that answers its pings is never restarted, however long it runs', () => {
  const { workers, log, advance, current } = setup({ answer: true });
  current().say({ type: 'ready' });
  advance(10 * SILENT_MS);
  assert.equal(workers.length, 1);
  assert.deepEqual(log.restarts, []);
  assert.ok(current().posted.filter((m) => m.type === 'ping').length >= 10 * SILENT_MS / PING_MS - 1);
});

test('a ping unanswered for SILENT_MS restarts the worker', () => {
  const { workers, log, advance, current } = setup();
  current().say({ type: 'ready' });
  advance(SILENT_MS);
  assert.equal(workers.length, 1, 'not yet');
  advance(2 * PING_MS);
  assert.equal(workers.length, 2);
  assert.equal(workers[0].terminated, true);
  assert.equal(log.restarts[0].reason, 'silent');
  assert.equal(log.restarts[0].detail, String(Math.round((SILENT_MS + PING_MS) / 1000)));
});

test('a worker that keeps sending messages (a backlog to work through) is alive though its ping waits', () => {
  const { workers, advance, current } = setup();
  current().say({ type: 'ready' });
  for (let i = 0; i < 5 * SILENT_MS / PING_MS; i++) {
    advance(PING_MS);
    current().say({ type: 'data' });
  }
  assert.equal(workers.length, 1);
  advance(SILENT_MS + 2 * PING_MS);
  assert.equal(workers.length, 2, 'silent now');
});

test('a worker that never spoke is not judged by its silence (its scripts may still be loading)', () => {
  const { workers, advance } = setup();
  advance(5 * SILENT_MS);
  assert.equal(workers.length, 1);
});

test('the worker\'s busy estimate extends the wait, and a new experiment can take it back', () => {
  const { workers, advance, current } = setup();
  current().say({ type: 'ready' });
  current().say({ type: 'busy', ms: 60000 });
  advance(SILENT_MS + 50000);
  assert.equal(workers.length, 1, 'within SILENT_MS + 60 s');
  advance(12000);
  assert.equal(workers.length, 2, 'past it');
  current().say({ type: 'busy', ms: 60000 });
  current().say({ type: 'busy', ms: 0 });  // a light experiment now
  advance(SILENT_MS + 2 * PING_MS);
  assert.equal(workers.length, 3);
});

test('late ticks (a throttled or frozen page) judge nothing: the count starts again', () => {
  const { workers, advance, current } = setup();
  current().say({ type: 'ready' });
  advance(SILENT_MS * 20, 60000);  // a hidden tab: one tick a minute
  assert.equal(workers.length, 1);
});

test(`past ${MAX_RESTARTS} restarts within the window, restarts are 'repeated'; later they are not`, () => {
  const { log, advance, current } = setup({ answer: true });
  for (let i = 0; i < MAX_RESTARTS + 2; i++) {
    current().say({ type: 'ready' });
    current().crash('boom');
    advance(PING_MS);
  }
  assert.deepEqual(log.restarts.map((r) => [r.restarts, r.repeated]),
    [[1, false], [2, false], [3, false], [4, true], [5, true]]);
  advance(RESTART_WINDOW_MS);
  current().say({ type: 'ready' });
  current().crash('boom');
  assert.deepEqual(log.restarts.at(-1), { reason: 'crash', detail: 'boom', restarts: 1, repeated: false });
});

test('the worker\'s silence estimate: small for the first screen, large for 8 layers of 1024 units', () => {
  // Parameters: (inputs + 1) x outputs per nn.Linear.
  const params = (sizes) => sizes.slice(1).reduce((sum, out, i) => sum + (sizes[i] + 1) * out, 0);
  const radial = { splitEnd: [8000, 9000, 10000] };
  const first = [{ parameters: params([2, 3]), batchSize: 0 }, { parameters: params([2, 200, 3]), batchSize: 0 }];
  assert.ok(silentMs(first, radial, 100) < 1000, `${silentMs(first, radial, 100)} ms`);
  const big = { splitEnd: [160000, 180000, 200000] };
  const deep = params([2, ...Array(8).fill(1024), 3]);
  const huge = [{ parameters: params([2, 3]), batchSize: 0 }, { parameters: deep, batchSize: 0 }];
  assert.ok(silentMs(huge, big, 100) > 3600e3, `${silentMs(huge, big, 100)} ms`);
  assert.ok(silentMs([{ parameters: deep, batchSize: 32 }], big, 0) < silentMs([{ parameters: deep, batchSize: 0 }], big, 0),
    'a mini-batch update is shorter than a full-batch one');
  assert.equal(silentMs([{ parameters: params([1, 1]), batchSize: 0 }], { splitEnd: [10, 10, 10] }), 1);
});
