// The Challenges menu in Chromium (page/challenge-menu.js): opened and used with the keyboard, a
// choice opens the challenge exactly as its short link does, a reached challenge gets its check
// mark, the labels follow the language, and an embed's `controls` list hides it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, openPage, until } from './browser.mjs';
import { CHALLENGES } from '../../web/shared/challenges.js';
import { en, ko } from '../../web/page/strings-teacher.js';

const session = browserSession();

const menuOf = (page) => page.evaluate(() => {
  const button = document.querySelector('.challenges-menu-button');
  const list = document.querySelector('.challenges-list');
  return {
    expanded: button.getAttribute('aria-expanded'), listShown: list.checkVisibility(), button: button.textContent,
    focused: document.activeElement?.dataset.challenge ?? (document.activeElement === button ? 'button' : null),
    items: [...list.querySelectorAll('a')].map((a) => ({ id: a.dataset.challenge, text: a.innerText, reached: a.dataset.reached,
      current: a.getAttribute('aria-current'), label: a.getAttribute('aria-label') })),
  };
});
const goalBox = (page) => page.evaluate(() => {
  const box = document.querySelector('.challenge');
  return { shown: box.checkVisibility(), id: box.dataset.goalId, state: box.dataset.goalState };
});
const hashParams = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.slice(1))));

test('the menu opens with the keyboard, and a choice opens the challenge as its link does', async () => {
  const { page, errors } = await openPage(session, '#lang=en&speed=100');
  const closed = await menuOf(page);
  assert.equal(closed.expanded, 'false');
  assert.equal(closed.listShown, false, 'the list is closed at first');
  assert.deepEqual(closed.items.map((i) => i.id), CHALLENGES.map((c) => c.id), 'every built-in, in order');
  for (const item of closed.items) {
    assert.ok(item.text.includes(en[`challenge.${item.id}.title`]) && item.text.includes(en[`challenge.${item.id}.goal`]), `${item.id}: title and goal`);
  }
  assert.equal(await goalBox(page).then((g) => g.shown), false, 'no goal box before a choice');

  await page.focus('.challenges-menu-button');
  await page.keyboard.press('Enter');
  let menu = await until(() => menuOf(page), (m) => m.listShown);
  assert.equal(menu.expanded, 'true', 'Enter opens the list');
  assert.equal(menu.focused, CHALLENGES[0].id, 'and focuses its first challenge');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused item shows its focus');
  await page.keyboard.press('ArrowUp');
  assert.equal((await menuOf(page)).focused, CHALLENGES.at(-1).id, '↑ wraps to the last');
  await page.keyboard.press('Escape');
  menu = await menuOf(page);
  assert.deepEqual([menu.listShown, menu.expanded, menu.focused], [false, 'false', 'button'], 'Escape closes it and gives the focus back');

  await page.keyboard.press('ArrowDown');  // ↓ on the button opens it too
  await page.keyboard.press('ArrowDown');
  assert.equal((await menuOf(page)).focused, 'xor-linear');
  await page.keyboard.press('Enter');
  const box = await until(() => goalBox(page), (g) => g.shown && g.id === 'xor-linear');
  assert.deepEqual([box.shown, box.id], [true, 'xor-linear'], 'the goal box shows the chosen challenge');
  menu = await menuOf(page);
  assert.equal(menu.listShown, false, 'the choice closes the list');
  assert.equal(menu.items.find((i) => i.id === 'xor-linear').current, 'page', 'the open challenge is marked in the menu');
  const params = await until(() => hashParams(page), (p) => p.challenge === 'xor-linear');
  assert.equal(params.challenge, 'xor-linear', 'the hash names the challenge');
  assert.equal(await page.$eval('#ctl-data', (e) => e.value), 'xor', 'its setup is in the controls');
  const notice = await until(() => page.textContent('#notice'), (text) => /Dataset/.test(text));
  assert.match(notice, /Reset: Dataset.*changed/, 'the reset notice names the settings');
  assert.doesNotMatch(notice, /challenge/, 'and not the challenge key, which is no setting');

  // The same state as the challenge's short link opened directly.
  const direct = await openPage(session, '#challenge=xor-linear&lang=en&speed=100');
  const directHash = await until(() => direct.page.evaluate(() => location.hash), (h) => h.includes('data=xor'));
  assert.equal(await page.evaluate(() => location.hash), directHash, 'the menu opens what the link #challenge=xor-linear opens');
  await direct.page.close();

  // Reached: the item gets its check mark and the button counts it.
  await page.click('.goal-apply');
  const reached = await until(() => goalBox(page), (g) => g.state === 'reached', 60000);
  assert.equal(reached.state, 'reached');
  menu = await until(() => menuOf(page), (m) => m.items.find((i) => i.id === 'xor-linear').reached === 'true');
  const item = menu.items.find((i) => i.id === 'xor-linear');
  assert.equal(item.reached, 'true', 'a reached challenge is checked');
  assert.match(item.label, /\(reached\)/, 'and says so to a screen reader');
  assert.ok(menu.items.filter((i) => i.id !== 'xor-linear').every((i) => i.reached === 'false'), 'the others are not');
  assert.match(menu.button, /1 of 5 reached/);
  assert.equal(await page.$eval('[data-challenge="xor-linear"] .challenge-check', (e) => getComputedStyle(e).visibility), 'visible');

  // Leaving the challenge keeps the mark for this page's life.
  await page.click('.goal-leave');
  await until(() => goalBox(page), (g) => !g.shown);
  menu = await menuOf(page);
  assert.equal(menu.items.find((i) => i.id === 'xor-linear').reached, 'true', 'still checked after leaving');
  assert.equal(menu.items.find((i) => i.id === 'xor-linear').current, null);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the menu is in Korean on a Korean page, and a click outside closes it', async () => {
  const { page, errors } = await openPage(session, '#lang=ko', { width: 390, height: 800 });
  assert.equal(await page.textContent('.challenges-menu .lessons-title'), ko.menu);
  assert.equal(await page.getAttribute('.challenges-menu', 'aria-label'), ko.menuLabel);
  await page.click('.challenges-menu-button');
  const menu = await until(() => menuOf(page), (m) => m.listShown);
  assert.match(menu.button, /5개 중 0개 달성/);
  for (const item of menu.items) {
    assert.ok(item.text.includes(ko[`challenge.${item.id}.title`]) && item.text.includes(ko[`challenge.${item.id}.goal`]), `${item.id} in Korean`);
  }
  // (the whole page is not measured here: the network inspector has its own 390 px rules)
  const rights = await page.evaluate(() => ['.lessons-menu', '.challenges-menu', '.challenges-list', '[data-part="toolbar"]']
    .map((s) => [s, Math.round(document.querySelector(s).getBoundingClientRect().right), document.querySelector(s).scrollWidth <= document.querySelector(s).clientWidth]));
  for (const [selector, right, fits] of rights) assert.ok(right <= 390 && fits, `${selector} stays within 390 px: ${right}, fits ${fits}`);
  await page.mouse.click(380, 790);
  assert.equal((await until(() => menuOf(page), (m) => !m.listShown)).listShown, false, 'a click elsewhere closes the list');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an embed hides the menu unless its controls list has challenges', async () => {
  const page = await session.browser.newPage({ viewport: { width: 800, height: 700 } });
  for (const [hash, shown] of [['#controls=toolbar', false], ['#controls=toolbar,challenges', true], ['', true]]) {
    await page.goto(`${session.server.url}/embed.html${hash}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    assert.equal(await page.isVisible('.challenges-menu'), shown, `embed.html${hash}`);
    assert.equal(await page.isVisible('.lessons-menu'), hash === '', `the lessons menu follows its own group (${hash})`);
  }
  await page.close();
});
