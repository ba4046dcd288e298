// The page's layout and look in Chromium (issue 16, "Flow"): the first screen at 1280 x 800, full-
// width plots at 390 px, tables that show they scroll, the heatmap at device pixel ratio 2, one
// meaning per colour, the batch lesson's log axis, notices that cover nothing and never show an
// empty box, a single-panel embed, the allowed range of a refused value and the Korean fonts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSession, collectErrors, openPage, until } from './browser.mjs';
import { loadEngine } from './helpers.mjs';
import { CLASS_COLORS, DIVERGING } from '../../web/shared/palette.js';
import { MODE_COLORS, RACE_COLORS, WINE_COLORS } from '../../web/views/colors.js';

const session = browserSession();
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const epochOf = (page, panel) => page.textContent(`[data-panel="${panel}"] [data-field="epoch"]`).then(Number);
const boxOf = (page, selector) => page.locator(selector).first().boundingBox();
const hex = (rgb) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
/** A CSS colour as Chromium computes it ("rgb(1, 2, 3)") in #rrggbb. */
const cssHex = (css) => hex(css.match(/\d+/g).slice(0, 3).map(Number));

/** A page of `path` (index.html, embed.html) at a hash, with Playwright's page options (viewport, deviceScaleFactor). */
async function openAt(path, hash, options) {
  const page = await session.browser.newPage(options);
  const errors = collectErrors(page);
  await page.goto(`${session.server.url}/${path}${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, errors };
}

// The controls a learner changes most, and what the first screen must show of both models.
const FIRST_SCREEN = ['#play', '#step', '#reset', '#ctl-data', '#ctl-lr',
  '#ctl-a-hidden', '#ctl-b-hidden', '#ctl-b-hidden-units', '#ctl-b-hidden-add',
  ...['a', 'b'].flatMap((p) => [`[data-panel="${p}"] .plot`, `[data-panel="${p}"] table.metrics`,
    `[data-panel="${p}"] [data-field="val-accuracy"]`, `[data-panel="${p}"] [data-field="test-loss"]`,
    `[data-panel="${p}"] .chart-box canvas`, `[data-panel="${p}"] [data-field="epoch"]`])];

for (const lang of ['en', 'ko']) {
  test(`1280 x 800 (${lang}): both plots, their metrics and loss curves and the main controls are on the first screen`, { timeout: 60000 }, async () => {
    const { page, errors } = await openPage(session, `#lang=${lang}`, WIDE);
    await until(() => epochOf(page, 'b'), (e) => e >= 5);
    await page.waitForSelector('[data-panel="b"] .chart-box canvas');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    for (const selector of FIRST_SCREEN) {
      const box = await boxOf(page, selector);
      assert.ok(box && box.width > 0 && box.height > 0, `${selector} is shown`);
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= WIDE.width && box.y + box.height <= WIDE.height,
        `${selector} inside 1280 x 800: ${JSON.stringify(box)}`);
    }
    // Every column of both metrics tables: nothing hidden behind the scroll region's edge.
    const hidden = await page.$$eval('.metrics-scroll', (regions) => regions.map((r) => r.scrollWidth - r.clientWidth));
    assert.deepEqual(hidden, [0, 0], 'metrics columns hidden (px)');
    // The plots are not stamps: each at least 200 px, and the two side by side.
    const [a, b] = [await boxOf(page, '[data-panel="a"] .plot'), await boxOf(page, '[data-panel="b"] .plot')];
    assert.ok(a.width >= 200 && b.width >= 200, `plots ${a.width} and ${b.width} px`);
    assert.ok(b.x > a.x + a.width, 'side by side');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('390 px: each plot takes the panel\'s full width, one model under the other, nothing scrolls sideways', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(session, '', PHONE);
  await until(() => epochOf(page, 'b'), (e) => e >= 3);
  const [a, b] = [await boxOf(page, '[data-panel="a"] .plot'), await boxOf(page, '[data-panel="b"] .plot')];
  for (const box of [a, b]) assert.ok(box.width >= 0.85 * PHONE.width && box.x >= 0 && box.x + box.width <= PHONE.width, JSON.stringify(box));
  assert.ok(b.y >= a.y + a.height, 'the MLP under the linear model');
  const sizes = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(sizes[0] <= sizes[1], `page ${sizes[0]} px wide in ${sizes[1]}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a table wider than its panel scrolls in a labelled region, with a fade on the side that hides columns', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(session, '#data=plane&b.hidden=8&lang=ko', PHONE);
  await until(() => page.textContent('[data-panel="b"] [data-field="val-r2"]'), (t) => /\d/.test(t));
  const region = '[data-panel="b"] .metrics-scroll';
  const read = () => page.$eval(region, (r) => ({ more: r.dataset.more, tabIndex: r.tabIndex, role: r.getAttribute('role'),
    label: r.getAttribute('aria-label'), mask: getComputedStyle(r).maskImage || getComputedStyle(r).webkitMaskImage, scrolls: r.scrollWidth > r.clientWidth }));
  const first = await read();
  assert.equal(first.role, 'region');
  assert.equal(first.label, '분할별 정확도와 손실 (가로로 스크롤)');
  assert.equal(first.more, first.scrolls ? 'right' : '', 'a fade only where columns are hidden');
  // A narrow column (an embed, a sidebar): the table scrolls, the region says so and takes the focus.
  await page.$eval(region, (r) => { r.style.width = '150px'; });
  const narrow = await until(read, (r) => r.more === 'right');
  assert.equal(narrow.scrolls, true);
  assert.equal(narrow.tabIndex, 0);
  assert.match(narrow.mask, /gradient/);
  await page.$eval(region, (r) => { r.scrollLeft = r.scrollWidth; });
  assert.equal((await until(read, (r) => r.more === 'left')).more, 'left');
  await page.$eval(region, (r) => { r.scrollLeft = 10; });
  assert.equal((await until(read, (r) => r.more === 'left right')).more, 'left right');
  await page.$eval(region, (r) => { r.style.width = ''; });
  assert.equal((await until(read, (r) => r.more === '')).tabIndex, -1);
  // The confusion matrix has its region too (classification data).
  await page.goto(`${session.server.url}/index.html#data=spiral&lang=en`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('[data-panel="a"] .confusion-scroll', 'aria-label'), 'Confusion matrix (scrolls sideways)');
  assert.deepEqual(errors, []);
  await page.close();
});

test('390 px: the batch lesson\'s table of five modes scrolls in a labelled region that fades on the right', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(session, '#lesson=batch', PHONE);
  const region = '.lesson-stage [role="region"]';
  await page.waitForSelector(region);
  const read = () => page.$eval(region, (r) => ({ more: r.dataset.more, tabIndex: r.tabIndex, label: r.getAttribute('aria-label'),
    mask: getComputedStyle(r).maskImage || getComputedStyle(r).webkitMaskImage }));
  const start = await until(read, (r) => r.more === 'right');
  assert.deepEqual([start.more, start.tabIndex, start.label], ['right', 0, 'Table (scrolls sideways)']);
  assert.match(start.mask, /gradient/);
  await page.$eval(region, (r) => { r.scrollLeft = r.scrollWidth; });
  assert.equal((await until(read, (r) => r.more === 'left')).more, 'left');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the heatmap at device pixel ratio 2: device pixels, opaque, class boundaries blended over a few pixels', { timeout: 60000 }, async () => {
  const { page, errors } = await openAt('index.html', '#data=xor&discretize=1&b.hidden=8&optimizer=adam&lr=0.03',
    { viewport: WIDE, deviceScaleFactor: 2 });
  await until(() => epochOf(page, 'b'), (e) => e >= 100);
  const row = await page.$eval('[data-panel="b"] canvas.heatmap', (canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let transparent = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) transparent += 1;
    const y = Math.round(canvas.height / 4);  // through the upper quadrants: one boundary, near x = 0
    const pixels = [];
    for (let x = 0; x < canvas.width; x++) pixels.push([...data.slice(4 * (y * canvas.width + x), 4 * (y * canvas.width + x) + 3)]);
    return { width: canvas.width, css: canvas.clientWidth, transparent, pixels };
  });
  assert.equal(row.width, Math.round(row.css * 2), `backing store ${row.width} px for ${row.css} CSS px at DPR 2`);
  assert.equal(row.transparent, 0, 'every pixel painted');
  // Discretized: two flat colours, one per side. A hard step has no pixel between them; a blend has a few.
  const distance = (p, q) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  const [left, right] = [row.pixels[2], row.pixels.at(-3)];
  assert.ok(distance(left, right) > 60, `two classes across the row: ${left} and ${right}`);
  const between = row.pixels.filter((p) => distance(p, left) > 12 && distance(p, right) > 12).length;
  assert.ok(between >= 2, `${between} blended pixels at the boundary`);
  assert.ok(between <= 0.08 * row.width, `${between} blended pixels: crisp, not blurred`);
  // The points' canvas has device pixels too, so the points stay sharp over the smoothed regions.
  assert.equal(await page.$eval('[data-panel="b"] canvas.points', (c) => c.width === Math.round(c.clientWidth * 2)), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('one meaning per colour: no optimizer, batch size or loss curve has a class colour', () => {
  const classes = new Set([...CLASS_COLORS, DIVERGING.negative, DIVERGING.positive].map(hex));
  for (const [name, colours] of Object.entries({ race: RACE_COLORS, batch: MODE_COLORS, wine: WINE_COLORS })) {
    for (const [series, colour] of Object.entries(colours)) assert.ok(!classes.has(colour.toLowerCase()), `${name}'s ${series} is ${colour}, a class colour`);
    assert.equal(new Set(Object.values(colours)).size, Object.keys(colours).length, `${name}: a colour per series`);
  }
  assert.deepEqual(WINE_COLORS, { adam: RACE_COLORS.adam, sgd: RACE_COLORS.sgd }, 'an optimizer has one colour in every lesson');
});

test('the wine lesson shows classes and optimizers on one screen in different colours; the race draws its lines in its own', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(session, '#lesson=wine', WIDE);
  await page.waitForSelector('.samples-table .swatch');
  const used = await page.evaluate(() => ({
    series: [...document.querySelectorAll('.lesson-stage .series-line')].map((e) => getComputedStyle(e).borderTopColor),
    classes: [...document.querySelectorAll('.lesson-stage .swatch')].map((e) => getComputedStyle(e).backgroundColor),
  }));
  const series = new Set(used.series.map(cssHex));
  const classes = new Set(used.classes.map(cssHex));
  assert.ok(series.size >= 2 && classes.size >= 3, JSON.stringify(used));
  for (const colour of series) assert.ok(!classes.has(colour), `${colour} means an optimizer and a class`);
  await page.goto(`${session.server.url}/index.html#lesson=optimizers`);
  await page.waitForSelector('.race-table .series-line');
  const race = await page.$$eval('.race-table .series-line', (lines) => lines.map((e) => getComputedStyle(e).borderTopColor));
  const classHex = new Set(CLASS_COLORS.map(hex));
  for (const colour of race.map(cssHex)) assert.ok(!classHex.has(colour), `the race uses ${colour}, a class colour`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the batch lesson\'s log axis shows "1,000,000" whole: no ink at the chart\'s right edge', { timeout: 90000 }, async () => {
  const { page, errors } = await openPage(session, '#lesson=batch', WIDE);
  const speed = page.locator('.lesson-speed');
  await speed.selectOption(await speed.locator('option').last().getAttribute('value'));
  if ((await page.getAttribute('.lesson-play', 'class')).includes('playing') === false) await page.click('.lesson-play');
  // Stochastic: 8000 updates an epoch, so from epoch 13 they pass 100,000 and the log axis ends at 1,000,000.
  await until(() => page.textContent('.lesson-epoch'), (t) => Number(t.match(/\d+/)?.[0]) >= 14, 60000);
  await page.waitForTimeout(300);  // the chart's next redraw
  const edge = await page.$eval('.chart-pair .card:nth-child(2) .chart-box canvas', (canvas) => {
    const ctx = canvas.getContext('2d');
    const dpr = canvas.width / canvas.clientWidth;
    const band = Math.round(50 * dpr);  // the x axis's labels, under the plotting area
    const data = ctx.getImageData(canvas.width - Math.round(3 * dpr), canvas.height - band, Math.round(3 * dpr), band).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 40) ink += 1;
    const labels = ctx.getImageData(0, canvas.height - band, canvas.width, band).data;
    let text = 0;
    for (let i = 3; i < labels.length; i += 4) if (labels[i] > 40) text += 1;
    return { ink, text };
  });
  assert.ok(edge.text > 200, `the axis has labels (${edge.text} pixels)`);
  assert.equal(edge.ink, 0, 'no label runs into the right edge');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a notice sits clear of the plots and their numbers, and no empty box shows while it fades', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(session, '', WIDE);
  await until(() => epochOf(page, 'b'), (e) => e >= 3);
  // Every frame: is the notice box visible (opacity > 0.02) with no text in it?
  await page.evaluate(() => {
    window.emptyFrames = 0;
    window.fading = 0;
    const notice = document.querySelector('#notice');
    const frame = () => {
      const style = getComputedStyle(notice);
      const opacity = style.display === 'none' ? 0 : Number(style.opacity);
      if (opacity > 0.02 && notice.textContent.trim() === '') window.emptyFrames += 1;
      if (opacity > 0.02 && opacity < 0.98) window.fading += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.click('#reset');
  await until(() => page.$eval('#notice', (n) => getComputedStyle(n).opacity), (o) => Number(o) > 0.98);
  const notice = await boxOf(page, '#notice');
  for (const p of ['a', 'b']) {
    for (const part of ['.plot', 'table.metrics', '.chart-box', '.counters']) {
      const box = await boxOf(page, `[data-panel="${p}"] ${part}`);
      const overlaps = notice.x < box.x + box.width && box.x < notice.x + notice.width && notice.y < box.y + box.height && box.y < notice.y + notice.height;
      assert.ok(!overlaps, `the notice ${JSON.stringify(notice)} covers ${p} ${part} ${JSON.stringify(box)}`);
    }
  }
  assert.ok(notice.y + notice.height <= WIDE.height, 'the notice is on screen');
  // It stays 6 s, then fades out with its text still in it.
  await until(() => page.$eval('#notice', (n) => n.childElementCount), (n) => n === 0, 9000);
  await page.waitForTimeout(200);
  const frames = await page.evaluate(() => ({ empty: window.emptyFrames, fading: window.fading }));
  assert.equal(frames.empty, 0, 'frames with an empty notice box');
  assert.ok(frames.fading >= 1, 'the notice faded (frames between shown and gone)');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an embed that shows one panel gives it the whole width', { timeout: 60000 }, async () => {
  for (const hash of ['#panels=a,metrics,chart&controls=none', '#panels=b,metrics,chart,legend&controls=toolbar']) {
    const { page, errors } = await openAt('embed.html', hash, { viewport: WIDE });
    const [panel, stage] = [await boxOf(page, '.panel:not([hidden])'), await boxOf(page, '.stage')];
    assert.ok(panel.width >= 0.95 * stage.width, `${hash}: the panel ${panel.width} px of ${stage.width}`);
    assert.ok((await boxOf(page, '.panel:not([hidden]) .plot')).width >= 400, 'a plot of its width');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a refused typed value says the allowed range, from the engine\'s caps, in English and Korean', { timeout: 60000 }, async () => {
  const { nn } = await loadEngine();
  const caps = nn.specInfo().caps;
  const grouped = (v) => v.toLocaleString('en-US');
  const { page, errors } = await openPage(session, '', WIDE);
  const refuse = async (selector, value) => {
    await page.fill(selector, value);
    await page.press(selector, 'Tab');  // the change event: the value is committed
    return until(() => page.textContent('#notice'), (t) => t.length > 0);
  };
  assert.match(await refuse('#ctl-n', '0'), new RegExp(`Points: 0 is not allowed here \\(allowed: whole numbers from 1 to ${grouped(caps.samples)}\\); kept \\d+`));
  await page.evaluate(() => document.querySelector('#notice').replaceChildren());
  assert.match(await refuse('#ctl-lr', '-1'), /Learning rate: -1 is not allowed here \(allowed: from 0 to 1,000,000,000\); kept 0\.005/);
  await page.evaluate(() => document.querySelector('#notice').replaceChildren());
  assert.match(await refuse('#ctl-b-hidden', String(caps.hiddenLayers + 1)),
    new RegExp(`allowed: 0 to ${caps.hiddenLayers} hidden layers of 1 to ${grouped(caps.units)} units each`));
  await page.selectOption('#ctl-lang', 'ko');
  await page.evaluate(() => document.querySelector('#notice').replaceChildren());
  assert.match(await refuse('#ctl-n', '0'), new RegExp(`허용 범위: 1부터 ${grouped(caps.samples)}까지의 정수`));
  assert.deepEqual(errors, []);
  await page.close();
});

test('Korean text is set in a Korean font: Noto Sans CJK KR here, Apple SD Gothic Neo and Malgun Gothic in the list', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(session, '#lang=ko', WIDE);
  const title = '[data-panel="a"] [data-field="title"]';
  const family = await page.$eval(title, (e) => getComputedStyle(e).fontFamily);
  assert.match(family, /^"Noto Sans CJK KR"/);
  for (const name of ['Apple SD Gothic Neo', 'Malgun Gothic']) assert.ok(family.includes(name), `${name} in ${family}`);
  // The font Chromium really drew the Hangul with (DevTools' platform fonts for the node).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: title });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  assert.ok(fonts.some((f) => /Noto Sans CJK KR/.test(f.familyName) && f.glyphCount > 0), JSON.stringify(fonts));
  // Back in English, the Latin list again.
  await page.selectOption('#ctl-lang', 'en');
  assert.doesNotMatch(await page.$eval(title, (e) => getComputedStyle(e).fontFamily), /^"Noto Sans CJK KR"/);
  assert.deepEqual(errors, []);
  await page.close();
});
