// The teacher's kit in Chromium (issue 16): every built-in challenge is reached by its own
// answer (the box's "Try the solution" button, one click per step), a teacher's own goal link
// is checked and a bad one explained, locks and hides show, an embedding page receives
// { type: 'nnplay:goal' } messages, and the divergence coach's one click lowers the learning rate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, collectErrors, openPage, until } from './browser.mjs';
import { loadEngine } from './helpers.mjs';
import { CHALLENGES, parseGoal } from '../../web/shared/challenges.js';
import { defaultState, specOf } from '../../web/shared/state.js';

const session = browserSession();
const REACH_MS = 90000;

const goalOf = (page) => page.evaluate(() => {
  const box = document.querySelector('.challenge');
  return { hidden: box.hidden, state: box.dataset.goalState, step: Number(box.dataset.goalStep), epoch: box.dataset.goalEpoch ?? null,
    id: box.dataset.goalId, text: box.innerText };
});

/**
 * For a goal of one condition on the validation split: the first epoch whose record meets it, in
 * the engine in Node (the page reads the same records, so it must mark the same epoch).
 */
async function firstValEpoch(challenge) {
  const [[condition], ...more] = parseGoal(challenge.goal).steps;
  if (more.length || condition.kind !== 'metric' || condition.split !== 'val' || parseGoal(challenge.goal).steps[0].length > 1) return null;
  const { nn } = await loadEngine();
  const state = { ...defaultState(), ...challenge.setup, ...challenge.answer[0], n: null };
  const trainer = nn.fromSpec(specOf(state, condition.panel), { historyLimit: 0 });
  const { records } = trainer.train({ epochs: challenge.budget });
  trainer.dispose();
  const meets = (v) => (condition.op === '>=' ? v >= condition.value : v <= condition.value);
  return records.find((r) => meets(r.val[condition.metric])).epoch;
}

for (const challenge of CHALLENGES) {
  test(`the built-in challenge ${challenge.id} is reached by its answer`, { timeout: REACH_MS * 2 }, async () => {
    const { page, errors } = await openPage(session, `#challenge=${challenge.id}&speed=100`);
    const start = await goalOf(page);
    assert.equal(start.hidden, false);
    assert.equal(start.id, challenge.id);
    assert.notEqual(start.state, 'reached', 'not reached before the answer');
    for (const key of challenge.lock) {
      const id = `ctl-${key.replace('.', '-')}`;
      assert.ok(await page.$eval(`#${id}`, (e) => e.disabled && e.closest('.locked') !== null), `${key} is locked`);
    }
    for (const key of challenge.hide) assert.equal(await page.$eval(`#ctl-${key.replace('.', '-')}`, (e) => e.checkVisibility()), false, `${key} is hidden`);
    for (let step = 1; step <= challenge.answer.length; step += 1) {
      await page.click('.goal-apply');
      const done = step === challenge.answer.length;
      const now = await until(() => goalOf(page), (g) => (done ? g.state === 'reached' : g.step > step), REACH_MS);
      assert.ok(done ? now.state === 'reached' : now.step > step, `step ${step} of ${challenge.id}: ${JSON.stringify(now)}`);
    }
    const reached = await goalOf(page);
    if (challenge.budget) assert.ok(Number(reached.epoch) <= challenge.budget, `reached within the budget: ${reached.epoch}`);
    const exact = await firstValEpoch(challenge);
    if (exact !== null) assert.equal(Number(reached.epoch), exact, 'a validation goal is marked at its exact epoch');
    assert.match(reached.text, new RegExp(`epoch ${reached.epoch}`));
    // The answer's settings are in the link (a link reproduces the attempt), the challenge too.
    const hash = decodeURIComponent(await page.evaluate(() => location.hash));
    assert.match(hash, new RegExp(`challenge=${challenge.id}`));
    for (const [key, value] of Object.entries(challenge.answer.at(-1))) assert.ok(hash.includes(`${key}=${[value].flat().join(',')}`), `${key} in ${hash}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a teacher\'s own goal: shown, checked, hint and solution on request, in Korean; a bad goal names what is wrong', { timeout: REACH_MS * 2 }, async () => {
  const goal = encodeURIComponent('a.val.accuracy>=90%');
  const hash = `#data=xor&lr=0.05&a.hidden=&a.features=x1,x2,x1*x2&speed=100&lang=ko&goal=${goal}&budget=500&lock=lr,a.features&hide=optimizer`
    + `&title=${encodeURIComponent('XOR 도전')}&hint=${encodeURIComponent('곱을 보세요')}&solution=${encodeURIComponent('x1·x2')}`;
  const { page, errors } = await openPage(session, hash);
  const reached = await until(() => goalOf(page), (g) => g.state === 'reached', REACH_MS);
  assert.equal(reached.id, 'custom');
  assert.match(reached.text, /도전 과제: XOR 도전/);
  assert.match(reached.text, /선형 모델: 검증 정확도 ≥ 90\.0%/);
  assert.match(reached.text, new RegExp(`에포크 ${reached.epoch}에서 목표 달성`));
  assert.equal(await page.$eval('#challenge-hint', (e) => e.hidden), true);
  await page.click('.goal-hint-toggle');
  assert.equal(await page.$eval('#challenge-hint', (e) => e.hidden ? null : e.textContent), '곱을 보세요');
  assert.equal(await page.$eval('.goal-hint-toggle', (e) => e.getAttribute('aria-expanded')), 'true');
  await page.click('.goal-solution-toggle');
  assert.equal(await page.$eval('#challenge-solution', (e) => e.textContent), 'x1·x2');
  assert.equal(await page.$eval('#ctl-lr', (e) => e.disabled), true);
  assert.equal(await page.$eval('#ctl-lr', (e) => e.closest('.control').querySelector('.lock-note').textContent), '도전 과제가 잠근 설정');
  assert.equal(await page.$eval('#ctl-optimizer', (e) => e.checkVisibility()), false);
  assert.equal(await page.$eval('.goal-apply', (e) => e.hidden), true, 'a teacher\'s goal has no answer to apply');
  // Leaving gives the controls back.
  await page.click('.goal-leave');
  await until(() => page.$eval('.challenge', (e) => e.hidden), Boolean);
  assert.equal(await page.$eval('#ctl-lr', (e) => e.disabled), false);
  assert.equal(await page.$eval('#ctl-optimizer', (e) => e.checkVisibility()), true);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /goal=|lock=/);

  // A goal with mistakes: each is named with what is allowed, in English.
  await page.evaluate(() => { location.hash = '#lang=en&goal=c.val.accuracy>=0.7,a.valid.accuracy>=0.7,a.val.f1>=1,a.val.loss>0.2&lock=nonsense'; });
  const bad = await until(() => goalOf(page), (g) => g.state === 'error');
  for (const text of ['the panel “c” does not exist; allowed: a, b', 'the split “valid” does not exist; allowed: train, val, test',
    'the metric “f1” does not exist; allowed: accuracy, loss, r2, mae, rmse', 'the comparison “>” is not allowed; allowed: >=, <=',
    'lock: “nonsense” is not a setting']) assert.ok(bad.text.includes(text), `${text} in ${bad.text}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an embedding page receives nnplay:goal messages, up to the goal reached', { timeout: REACH_MS * 2 }, async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const url = session.server.url;
  await context.route(`${url}/parent.html`, (route) => route.fulfill({ contentType: 'text/html',
    body: `<!doctype html><title>course</title><iframe src="${url}/embed.html#challenge=xor-linear&speed=100" width="1000" height="800"></iframe>` }));
  await context.addInitScript(() => {
    if (location.pathname !== '/parent.html') return;
    window.received = [];
    window.addEventListener('message', (event) => { if (event.data?.nnplay === 1) window.received.push(event.data); });
  });
  await page.goto(`${url}/parent.html`);
  const frame = await until(() => page.frames().find((f) => f.url().includes('/embed.html')), Boolean);
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const goals = () => page.evaluate(() => window.received.filter((m) => m.type === 'nnplay:goal'));
  const first = await until(goals, (g) => g.length > 0);
  assert.equal(first[0].id, 'xor-linear');
  assert.equal(first[0].status, 'pending');
  assert.equal(first[0].reached, false);
  await frame.click('.goal-apply');
  const all = await until(goals, (g) => g.some((m) => m.reached), REACH_MS);
  const done = all.find((m) => m.reached);
  assert.equal(done.status, 'reached');
  assert.ok(done.epoch > 0 && done.epoch <= 1000, `epoch ${done.epoch}`);
  assert.ok(done.value >= 0.95 && done.target === 0.95, `value ${done.value}`);
  assert.equal(await frame.$eval('.challenge', (e) => e.dataset.goalEpoch), String(done.epoch));
  // getGoal answers the same.
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ nnplay: 1, id: 7, type: 'getGoal' }, '*'));
  const reply = await until(() => page.evaluate(() => window.received.find((m) => m.id === 7)), Boolean);
  assert.equal(reply.ok, true);
  assert.equal(reply.goal.reached, true);
  assert.equal(reply.goal.epoch, done.epoch);
  assert.deepEqual(errors, []);
  await context.close();
});
