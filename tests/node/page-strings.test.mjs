// Without a browser: the Korean and English tables have the same keys and placeholders, and every
// key the markup and the controls use; other modules can register their strings; the language
// comes from the browser's list; a spec set on an element or by postMessage (spec-state.js) gives
// back the same specs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './helpers.mjs';
import { ko } from '../../web/page/strings-ko.js';
import { detectLanguage, en, translator } from '../../web/page/strings.js';
import { en as lessonsEn, ko as lessonsKo } from '../../web/lessons/texts.js';
import { DATASETS, FIELD, FIELDS, defaultState, specsOf } from '../../web/shared/state.js';
import { stateFromSpec } from '../../web/shared/spec-state.js';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('Korean and English have the same keys and the same placeholders', () => {
  assert.ok(Object.keys(en).length > 140, `${Object.keys(en).length} keys`);
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) assert.deepEqual(placeholders(ko[key]), placeholders(en[key]), key);
  const t = translator('ko');
  assert.equal(t('play'), '재생');
  assert.equal(t('speedOptions', { n: 5 }), '프레임당 5 에포크');
  assert.equal(t.use('fr').lang, 'en', 'a language nnplay does not have is English');
});

test('every key the markup and the controls use has a string', () => {
  const markup = ['page/layout.js', 'page/take-home.js', 'index.html'].map((f) => readFileSync(path.join(root, 'web', f), 'utf8')).join('\n');
  const used = [...markup.matchAll(/data-i18n(?:-label|-title)?="(\w+)"/g), ...markup.matchAll(/(?:labelled|button)\('\w*',? ?'(\w+)'/g)].map((m) => m[1]);
  assert.ok(used.length > 30, `${used.length} keys found`);
  for (const key of used) assert.ok(key in en, key);
  for (const f of FIELDS) {
    const label = f.key.replace(/^[ab]\./, '');
    // Fields no control edits: a link's (the challenge's keys are read by challenge-view.js, which has its own strings).
    const noControl = ['points', 'csv', 'lesson', 'lessonState', 'view', 'panels', 'controls', 'autoplay', 'challenge', 'goal', 'budget', 'lock', 'hide', 'title', 'hint', 'solution'];
    if (!noControl.includes(label)) assert.ok(label in en, label);
    if (f.type === 'enum' && !['speed', 'drawClass'].includes(f.key)) for (const v of f.values) assert.ok(`${label}_${v}` in en, `${label}_${v}`);
  }
});

test('the lessons\' strings are in the page\'s tables, in both languages', () => {
  assert.equal(translator('ko')('lesson.epochOf', { epoch: 5, limit: 9 }), lessonsKo['lesson.epochOf'].replace('{epoch}', '5').replace('{limit}', '9'));
  assert.equal(translator('en')('lesson.epochOf', { epoch: 5, limit: 9 }), lessonsEn['lesson.epochOf'].replace('{epoch}', '5').replace('{limit}', '9'));
  for (const key of Object.keys(lessonsEn)) assert.notEqual(translator('ko')(key), key, key);
  assert.equal(translator('ko')('__proto__'), '__proto__', 'an unknown key shows as itself');
});

test('the language is the first of the browser\'s that nnplay has', () => {
  assert.equal(detectLanguage(['ko-KR', 'en-US']), 'ko');
  assert.equal(detectLanguage(['de-DE', 'ko']), 'ko');
  assert.equal(detectLanguage(['en-GB', 'ko']), 'en');
  assert.equal(detectLanguage(['fr']), 'en');
  assert.equal(detectLanguage([]), 'en');
});

test('a spec set from outside gives the page state that trains the same specs', () => {
  const states = [];
  for (const data of DATASETS.filter((d) => d !== 'draw')) states.push({ data, n: 333, noise: 0.2, seed: 9 });
  states.push({ data: 'draw', points: [[0, 1, 0], [2, -1.5, 1], [3, 3, 2]] });
  states.push({ optimizer: 'momentum', momentum: 0.5, nesterov: true, lr: 0.1, weightDecay: 0.01, batch: 'mini', batchSize: 16 });
  states.push({ optimizer: 'adam', beta1: 0.8, beta2: 0.99, eps: 1e-6, amsgrad: true, batch: 'stochastic', loss: 'mse', limit: 77 });
  states.push({ optimizer: 'adagrad', lrDecay: 0.01, 'a.hidden': [4], 'a.activation': 'sigmoid', 'b.hidden': [], loss: 'cross_entropy' });
  states.push({ data: 'csv', csv: 'x1,x2,x3,label\n1,2,3,0\n4,5,6,1\n' });
  for (const patch of states) {
    const state = { ...defaultState(), ...patch };
    const specs = specsOf(state);
    const { state: back, ignored } = stateFromSpec(specs, defaultState());
    assert.deepEqual(ignored, [], JSON.stringify(patch));
    assert.deepEqual(specsOf(back), specs, JSON.stringify(patch));
  }
  const one = stateFromSpec({ data: { name: 'wine' }, model: { hidden: [3], init: [] }, predict: [[1, 2]] }, defaultState());
  assert.deepEqual(one.ignored, ['data', 'predict', 'model.init']);
  assert.deepEqual(one.state['b.hidden'], [3]);
  assert.equal(FIELD.lang.default, 'en');
});

test('the step inspector\'s strings: the same keys and placeholders in Korean, in the page\'s tables under inspector.', async () => {
  const inspector = await import('../../web/page/strings-inspector.js');
  assert.deepEqual(Object.keys(inspector.ko).sort(), Object.keys(inspector.en).sort());
  for (const key of Object.keys(inspector.en)) assert.deepEqual(placeholders(inspector.ko[key]), placeholders(inspector.en[key]), key);
  const ko = translator('ko');
  assert.equal(ko('inspector.open'), inspector.ko.open);
  assert.equal(translator('en')('inspector.current', { k: 2, code: 'loss = criterion(y_pred, y)' }), 'Line 2 of 5: loss = criterion(y_pred, y)');
});

test('the teacher\'s kit\'s strings: the same keys and placeholders in Korean, a title, hint and solution per built-in challenge, every goal error', async () => {
  const teacher = await import('../../web/page/strings-teacher.js');
  const { CHALLENGES } = await import('../../web/shared/challenges.js');
  assert.deepEqual(Object.keys(teacher.ko).sort(), Object.keys(teacher.en).sort());
  for (const key of Object.keys(teacher.en)) assert.deepEqual(placeholders(teacher.ko[key]), placeholders(teacher.en[key]), key);
  for (const c of CHALLENGES) for (const part of ['title', 'hint', 'solution']) assert.ok(`challenge.${c.id}.${part}` in teacher.en, `${c.id}.${part}`);
  const source = readFileSync(path.join(root, 'web', 'shared', 'challenges.js'), 'utf8');
  for (const [, code] of source.matchAll(/problem\('(\w+)'/g)) assert.ok(`err.${code}` in teacher.en, code);
  assert.equal(translator('ko')('teach.coachLower'), teacher.ko.coachLower);
});
