// web/shared/torch-format.js against the strings PyTorch 1.13 prints (tests/golden/print/torch_format.json,
// made by scripts/make_torch_format_golden.py with Debian's python3-torch): fixed, sci and int modes,
// ties rounded half to even, -0, nan/inf, line wrapping, summarization with '...', suffixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './helpers.mjs';
import { formatExp, formatFixed, formatTensor } from '../../web/shared/torch-format.js';

const golden = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'golden', 'print', 'torch_format.json'), 'utf8'));
const SPECIAL = { nan: NaN, inf: Infinity, '-inf': -Infinity };
const decode = (v) => (Array.isArray(v) ? v.map(decode) : typeof v === 'string' ? SPECIAL[v] : v);

for (const c of golden) {
  test(`prints "${c.name}" as PyTorch does`, () => {
    assert.equal(formatTensor(decode(c.values), { suffixes: c.suffixes }), c.printed);
  });
}

test('the golden covers every mode: sci, int, summarized, wrapped', () => {
  const printed = golden.map((c) => c.printed).join('\n');
  for (const part of ['e-05', 'e+03', '0.,', '...', 'requires_grad=True', 'nan', 'inf']) assert.ok(printed.includes(part), part);
  assert.ok(golden.length >= 20);
});

test("Python's rounding: an exact tie goes to the even digit, JavaScript's toFixed would not", () => {
  assert.equal((0.03125).toFixed(4), '0.0313');  // why the formatter rounds by itself
  assert.equal(formatFixed(0.03125, 4), '0.0312');
  assert.equal(formatFixed(0.15625, 4), '0.1562');
  assert.equal(formatFixed(-0.40625, 4), '-0.4062');
  assert.equal(formatFixed(0.99996, 4), '1.0000');
  assert.equal(formatFixed(-0, 4), '-0.0000');
  assert.equal(formatExp(1.2345e-5, 4), '1.2345e-05');
  assert.equal(formatExp(9.99996, 4), '1.0000e+01');
});
