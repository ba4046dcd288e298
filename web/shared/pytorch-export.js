// Export as PyTorch: a plain, runnable Python script that reproduces an experiment with numpy and
// PyTorch 1.13. Because the engine seeds like numpy and PyTorch (docs/spec.md), the script prints
// the same JSON lines as `nnplay run --weights` for the same spec, within float tolerance.
// Pure function of a normalized spec (every default filled in: nn.normalize(spec)); no DOM.
import { stepLines, traceHelperLines } from './pytorch-export-trace.js';

export const py = (value) => JSON.stringify(value).replace(/\btrue\b/g, 'True').replace(/\bfalse\b/g, 'False').replace(/\bnull\b/g, 'None');
const num = (v) => `${v}`;

/** x1 += scale (2 u - 1), then x2: uniform noise as nnplay draws it; nothing drawn at scale 0. */
const noiseLines = (scale) => (scale ? ['x1', 'x2'].map((x) => `${x} = ${x} + ${scale} * (2 * np.random.rand(n) - 1)`) : []);

const GENERATORS = {
  radial: (noise) => [
    '# Tutorial 001: rings of radius 0-1, 1-2, 2-3 (the class), squashed into a cardioid.',
    'r = np.random.rand(n) * 3',
    'theta = np.random.rand(n) * 2 * np.pi',
    'y = r.astype(int)',
    'r = r * (np.cos(theta) + 1)',
    'x1 = r * np.cos(theta)',
    'x2 = r * np.sin(theta)',
    ...noiseLines(noise > 0 ? num(noise) : ''),
  ],
  circle: (noise) => [
    '# A disc of class 0 (radius 2.5) inside a ring of class 1 (radius 3.5 to 5); classes alternate.',
    'y = np.arange(n) % 2',
    'a = np.random.rand(n)',
    'theta = np.random.rand(n) * 2 * np.pi',
    'r = np.where(y == 0, 2.5 * a, 3.5 + 1.5 * a)',
    'x1 = r * np.sin(theta)',
    'x2 = r * np.cos(theta)',
    ...noiseLines(noise > 0 ? `(5 * ${num(noise)})` : ''),
  ],
  xor: (noise) => [
    '# Class 1 where x1 and x2 have the same sign; points are kept 0.3 away from the axes.',
    'x1 = 10 * np.random.rand(n) - 5',
    'x2 = 10 * np.random.rand(n) - 5',
    'x1 = x1 + np.where(x1 >= 0, 0.3, -0.3)',
    'x2 = x2 + np.where(x2 >= 0, 0.3, -0.3)',
    'y = (x1 * x2 >= 0).astype(int)',
    ...noiseLines(noise > 0 ? `(5 * ${num(noise)})` : ''),
  ],
  gauss: (noise) => [
    '# Two Gaussian blobs: class 0 around (-2, -2), class 1 around (2, 2); classes alternate.',
    'y = np.arange(n) % 2',
    'centre = np.where(y == 1, 2.0, -2.0)',
    `s = math.sqrt(0.5 + 7 * ${num(noise)})`,
    'x1 = centre + s * np.random.randn(n)',
    'x2 = centre + s * np.random.randn(n)',
  ],
  spiral: (noise) => [
    '# Two interleaved spiral arms, 1.75 turns each; every row takes a random place on its arm.',
    'y = np.arange(n) % 2',
    'a = np.random.rand(n)',
    'r = 5 * a',
    't = 1.75 * 2 * np.pi * a + np.pi * y',
    'x1 = r * np.sin(t)',
    'x2 = r * np.cos(t)',
    ...noiseLines(noise > 0 ? num(noise) : ''),
  ],
};

const TABLES = {
  study_hours: { comment: '# Tutorial 000: hours studied, and whether the exam was passed.', x: [[0], [1], [5], [9], [11], [15], [20]], y: [0, 0, 0, 0, 1, 1, 1] },
  toy4: { comment: "# Tutorial 000's 8 x 4 table with three classes.", x: [[1, 2, 1, 1], [2, 1, 3, 2], [3, 1, 3, 4], [4, 1, 5, 5], [1, 7, 5, 5], [1, 2, 5, 6], [1, 6, 6, 6], [1, 7, 7, 7]], y: [0, 0, 0, 1, 1, 1, 2, 2] },
};

export function dataLines(d) {
  const lines = ['np.random.seed(SEED)  # the data stream, as nnplay draws it'];
  if (GENERATORS[d.name]) {
    lines.push(`n = ${d.n}`, ...GENERATORS[d.name](d.noise), 'X = np.stack([x1, x2], axis=1)');
  } else if (TABLES[d.name] || d.name === 'inline') {
    const t = TABLES[d.name] ?? { comment: '# The points given in the spec.', x: d.x, y: d.y };
    lines.push(t.comment, `X = np.array(${py(t.x)}, dtype=np.float64)`, `y = np.array(${py(t.y)})`);
  } else if (d.name === 'wine') {
    lines.push('# UCI wine, 178 x 13, 3 classes: the copy scikit-learn ships (python3-sklearn).',
      'from sklearn.datasets import load_wine', 'X, y = load_wine(return_X_y=True)');
  } else if (d.name === 'csv') {
    lines.push('# The CSV data: a header row, then features..., label.', 'import io',
      `CSV = ${py(d.text)}`,
      'rows = np.loadtxt(io.StringIO(CSV), delimiter=",", skiprows=1, ndmin=2)',
      'X, y = rows[:, :-1], rows[:, -1].astype(int)');
  }
  lines.push('y = np.asarray(y, dtype=np.int64)', 'n = len(y)');
  if (d.shuffle) lines.push('order = np.random.permutation(n)  # rows shuffled once, before the split', 'X, y = X[order], y[order]');
  lines.push('X = X.astype(np.float32)', '',
    `# Split in order: train, validation, test (halves round up).`,
    `n_train = math.floor(n * ${num(d.split[0])} + 0.5)`,
    `n_val = min(n, math.floor(n * (${num(d.split[0])} + ${num(d.split[1])}) + 0.5)) - n_train`);
  if (d.standardize) {
    lines.push('# Standardize with the training split\'s mean and (population) standard deviation.',
      'mean = X[:n_train].astype(np.float64).mean(axis=0)',
      'std = X[:n_train].astype(np.float64).std(axis=0)',
      'std[std == 0] = 1',
      '',
      '',
      'def standardize(points):  # StandardScaler.transform: every split, and the points to predict',
      '    return ((np.asarray(points, dtype=np.float32).astype(np.float64) - mean) / std).astype(np.float32)',
      '',
      '',
      'X = standardize(X)');
  }
  lines.push('splits = {',
    '    "train": (torch.from_numpy(X[:n_train]), torch.from_numpy(y[:n_train])),',
    '    "val": (torch.from_numpy(X[n_train:n_train + n_val]), torch.from_numpy(y[n_train:n_train + n_val])),',
    '    "test": (torch.from_numpy(X[n_train + n_val:]), torch.from_numpy(y[n_train + n_val:])),',
    '}', 'features = X.shape[1]', 'classes = max(int(y.max()) + 1, 2)');
  return lines;
}

const ACTIVATIONS = { relu: 'nn.ReLU()', tanh: 'nn.Tanh()', sigmoid: 'nn.Sigmoid()' };

export function modelLines(m, loss) {
  const sizes = ['features', ...m.hidden, loss === 'bce' ? 1 : 'classes'];
  const layers = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    layers.push(`nn.Linear(${sizes[i]}, ${sizes[i + 1]})`);
    if (i + 2 < sizes.length) layers.push(ACTIVATIONS[m.activation]);
  }
  const lines = ['torch.manual_seed(SEED)  # the initial weights, as nnplay draws them',
    'model = nn.Sequential(', ...layers.map((l) => `    ${l},`), ')',
    'linears = [layer for layer in model if isinstance(layer, nn.Linear)]'];
  if (m.init) {
    lines.push(`INIT = ${py(m.init)}`, 'with torch.no_grad():  # the initial weights given in the spec',
      '    for layer, values in zip(linears, INIT):',
      '        layer.weight.copy_(torch.tensor(values["weight"]))',
      '        layer.bias.copy_(torch.tensor(values["bias"]))');
  }
  return lines;
}

export const LOSSES = {
  cross_entropy: ['def loss_fn(z, y):  # softmax + negative log-likelihood, from the logits',
    '    return nn.CrossEntropyLoss()(z, y)'],
  bce: ['def loss_fn(z, y):  # sigmoid, then binary cross-entropy (the tutorial\'s nn.Sigmoid + nn.BCELoss)',
    '    return nn.BCELoss()(nn.Sigmoid()(z), y.float().unsqueeze(1))'],
  mse: ['def loss_fn(z, y):  # squared error against one-hot targets',
    '    return nn.MSELoss()(z, F.one_hot(y, classes).float())'],
};

export function optimizerLine(o) {
  const { name, ...options } = o;
  const args = Object.entries(options).map(([k, v]) => `${k}=${Array.isArray(v) ? `(${v.map(num).join(', ')})` : typeof v === 'boolean' ? py(v) : num(v)}`);
  const cls = { sgd: 'SGD', adagrad: 'Adagrad', adam: 'Adam' }[name];
  return `optimizer = torch.optim.${cls}(model.parameters(), ${args.join(', ')})`;
}

/** The Python script for a normalized spec. */
export function exportPyTorch(spec, { title = 'an nnplay experiment' } = {}) {
  const s = spec;
  const lines = [
    '#!/usr/bin/env python3',
    `"""${title.replace(/"""/g, "'''")}, exported from nnplay as a PyTorch script.`,
    '',
    'Run it with numpy and PyTorch 1.13 (Debian: apt-get install python3-torch): python3 this_file.py',
    'It prints one JSON line at epoch 0 and every LOG_EVERY epochs, then a final line: the same',
    'numbers nnplay showed for the same seed, within float tolerance.',
    '"""',
    'import json',
    'import math',
    '',
    'import numpy as np',
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    '',
    `SEED = ${s.seed}`,
    `EPOCHS = ${s.epochs}`,
    `LOG_EVERY = ${s.log_every}`,
    `BATCH_SIZE = ${s.batch_size}  # 0 = the whole training split at once (full batch)`,
    `SHUFFLE = ${py(s.shuffle)}`,
    `DROP_LAST = ${py(s.drop_last)}`,
    '',
    '# ---- data ----------------------------------------------------------------------------------',
    ...dataLines(s.data),
    '',
    '# ---- model, loss, optimizer ----------------------------------------------------------------',
    ...modelLines(s.model, s.loss),
    '',
    ...LOSSES[s.loss],
    '',
    optimizerLine(s.optimizer),
    '',
    '',
    'def predicted_class(z):',
    s.loss === 'bce' ? '    return (torch.sigmoid(z)[:, 0] >= 0.5).long()  # the 0.5 threshold' : '    return z.argmax(dim=1)',
    '',
    '',
    'def probabilities(z):',
    s.loss === 'bce' ? '    p = torch.sigmoid(z)\n    return torch.cat([1 - p, p], dim=1)' : '    return torch.softmax(z, dim=1)',
    '',
    '',
    '# ---- printing: float32 numbers in their shortest form, like nnplay ---------------------------',
    'def f32(v):',
    '    v = np.float32(v)',
    '    return float(np.format_float_positional(v, unique=True)) if np.isfinite(v) else None',
    '',
    '',
    'def metrics(confusion=False):',
    '    out = {}',
    '    with torch.no_grad():',
    '        for name, (x, y) in splits.items():',
    '            if len(y) == 0:',
    '                continue',
    '            z = model(x)',
    '            predicted = predicted_class(z)',
    '            out[name] = {"loss": f32(loss_fn(z, y).item()), "accuracy": (predicted == y).sum().item() / len(y)}',
    '            if confusion:  # confusion[true][predicted]',
    '                counts = np.zeros((classes, classes), dtype=int)',
    '                np.add.at(counts, (y.numpy(), predicted.numpy()), 1)',
    '                out[name]["confusion"] = counts.tolist()',
    '    return out',
    '',
    '',
    ...traceHelperLines(s.trace),
    '# ---- training: zero grad, forward, loss, backward, step -------------------------------------',
    'x_train, y_train = splits["train"]',
    'shuffle_stream = torch.Generator()',
    'shuffle_stream.manual_seed(SEED)  # the mini-batch order, as nnplay draws it',
    '',
    '',
    'def batches():',
    '    n = len(y_train)',
    '    if n == 0:',
    '        return []',
    '    if BATCH_SIZE == 0:',
    '        return [torch.arange(n)]',
    '    order = torch.randperm(n, generator=shuffle_stream) if SHUFFLE else torch.arange(n)',
    '    return [order[a:a + BATCH_SIZE] for a in range(0, n, BATCH_SIZE) if not (DROP_LAST and a + BATCH_SIZE > n)]',
    '',
    '',
    'step, epoch, status = 0, 0, "ok"',
    'if LOG_EVERY > 0:',
    '    print(json.dumps({"epoch": 0, "step": 0, **metrics()}))',
    'while epoch < EPOCHS and status == "ok":',
    '    epoch += 1',
    '    for index in batches():',
    ...stepLines(s.trace),
    '        step += 1',
    '    if status == "ok" and not all(torch.isfinite(p).all() for p in model.parameters()):',
    '        status = "diverged"',
    '    if status == "ok" and LOG_EVERY > 0 and epoch % LOG_EVERY == 0:',
    '        print(json.dumps({"epoch": epoch, "step": step, **metrics()}))',
    '',
    'final = {"final": True, "status": status, "epochs": epoch, "step": step, **metrics(confusion=True)}',
  ];
  if (s.predict) {
    lines.push(`PREDICT = torch.tensor(${py(s.predict)}, dtype=torch.float32)  # in the data's own units`,
      'with torch.no_grad():',
      s.data.standardize ? '    z = model(torch.from_numpy(standardize(PREDICT.numpy())))  # scaled like the training data'
        : '    z = model(PREDICT)',
      '    p = probabilities(z)',
      'final["predict"] = [{"x": [f32(v) for v in PREDICT[i]], "logits": [f32(v) for v in z[i]],',
      '                     "probabilities": [f32(v) for v in p[i]]} for i in range(len(PREDICT))]');
  }
  lines.push('final["weights"] = [{"weight": [[f32(v) for v in row] for row in layer.weight.detach()],',
    '                      "bias": [f32(v) for v in layer.bias.detach()]} for layer in linears]',
    'print(json.dumps(final))', '');
  return lines.join('\n');
}
