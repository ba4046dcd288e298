// Export as PyTorch: a plain, runnable Python script that reproduces an experiment with numpy and
// PyTorch 1.13. Because the engine seeds like numpy and PyTorch (docs/spec.md), the script prints
// the same JSON lines as `nnplay run --weights` for the same spec, within float tolerance.
// Pure function of a normalized spec (every default filled in: nn.normalize(spec)); no DOM.
import { stepLines, traceHelperLines } from './pytorch-export-trace.js';
import { dataLines, num, py } from './pytorch-export-data.js';

/** The modules every exported script imports (json apart), and a blank line. */
export const IMPORTS = ['import math', '', 'import numpy as np', 'import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

export { dataLines, py };  // with modelLines, LOSSES and optimizerLine: what pytorch-export-snippet.js builds on

const ACTIVATIONS = { relu: 'nn.ReLU()', tanh: 'nn.Tanh()', sigmoid: 'nn.Sigmoid()', linear: 'nn.Identity()' };

export function modelLines(m, loss) {
  const sizes = ['features', ...m.hidden, loss === 'bce' ? 1 : 'classes'];  // classes = 1 for regression
  const layers = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    layers.push(`nn.Linear(${sizes[i]}, ${sizes[i + 1]})`);
    if (i + 2 < sizes.length) layers.push(ACTIVATIONS[m.activation]);
  }
  const lines = [m.seed === undefined ? 'torch.manual_seed(SEED)  # the initial weights, as nnplay draws them'
    : `torch.manual_seed(${m.seed})  # model.seed: the initial weights alone, as nnplay draws them`,
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

// Regression: one output z (n, 1) against the real targets t (n,).
const REGRESSION_LOSSES = {
  mse: ['def loss_fn(z, t):  # mean squared error', '    return nn.MSELoss()(z, t.unsqueeze(1))'],
  l1: ['def loss_fn(z, t):  # mean absolute error', '    return nn.L1Loss()(z, t.unsqueeze(1))'],
  huber: ['def loss_fn(z, t):  # squared within 1 of the target, absolute beyond',
    '    return nn.HuberLoss(delta=1.0)(z, t.unsqueeze(1))'],
};

/** The regularization penalty, added to the loss for backward() only: the printed loss stays the data loss. */
function penaltyLines({ l1, l2 }) {
  const terms = [];
  if (l1 > 0) terms.push(`${num(l1)} * sum(layer.weight.abs().sum() for layer in linears)`);
  if (l2 > 0) terms.push(`${num(l2)} * sum((layer.weight ** 2).sum() for layer in linears)`);
  return ['def penalty():  # l1 * sum |W| + l2 * sum W^2 over the weight matrices, not the biases',
    `    return ${terms.length ? terms.join(' + ') : '0'}`];
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

/** predicted_class(z) and probabilities(z), for classification. */
function classLines(loss) {
  return ['def predicted_class(z):',
    loss === 'bce' ? '    return (torch.sigmoid(z)[:, 0] >= 0.5).long()  # the 0.5 threshold' : '    return z.argmax(dim=1)',
    '',
    '',
    'def probabilities(z):',
    loss === 'bce' ? '    p = torch.sigmoid(z)\n    return torch.cat([1 - p, p], dim=1)' : '    return torch.softmax(z, dim=1)',
    '',
    ''];
}

const f32Lines = ['# ---- printing: float32 numbers in their shortest form, like nnplay ---------------------------',
  'def f32(v):',
  '    v = np.float32(v)',
  '    return float(np.format_float_positional(v, unique=True)) if np.isfinite(v) else None',
  '',
  ''];

const CLASSIFICATION_METRICS = ['def metrics(confusion=False):',
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
  '    return out'];

// d = prediction - target over a split's n samples: mae = mean |d|, rmse = sqrt(mean d^2),
// r2 = 1 - sum d^2 / sum (t - mean t)^2 (NaN, printed null, when the targets are all equal).
const REGRESSION_METRICS = ['def metrics(confusion=False):  # regression: no confusion matrix',
  '    out = {}',
  '    with torch.no_grad():',
  '        for name, (x, t) in splits.items():',
  '            if len(t) == 0:',
  '                continue',
  '            z = model(x)',
  '            d = z[:, 0] - t',
  '            r2 = 1 - (d * d).sum() / ((t - t.mean()) ** 2).sum()',
  '            out[name] = {"loss": f32(loss_fn(z, t).item()), "mae": f32(d.abs().mean().item()),',
  '                         "rmse": f32(torch.sqrt((d * d).mean()).item()), "r2": f32(r2.item())}',
  '    return out'];

/** The final line's `predict`: points in the data's own units, through standardize and the features. */
function predictLines(points, standardize, regression) {
  const lines = [`PREDICT = torch.tensor(${py(points)}, dtype=torch.float32)  # in the data's own units`,
    'with torch.no_grad():',
    standardize ? '    z = model(input_features(torch.from_numpy(standardize(PREDICT.numpy()))))  # scaled like the training data'
      : '    z = model(input_features(PREDICT))'];
  if (regression) {
    return [...lines, 'final["predict"] = [{"x": [f32(v) for v in PREDICT[i]], "value": f32(z[i, 0])} for i in range(len(PREDICT))]'];
  }
  return [...lines, '    p = probabilities(z)',
    'final["predict"] = [{"x": [f32(v) for v in PREDICT[i]], "logits": [f32(v) for v in z[i]],',
    '                     "probabilities": [f32(v) for v in p[i]]} for i in range(len(PREDICT))]'];
}

/** The Python script for a normalized spec. */
export function exportPyTorch(spec, { title = 'an nnplay experiment' } = {}) {
  const s = spec;
  const regression = s.task === 'regression';
  const penalized = s.regularization.l1 > 0 || s.regularization.l2 > 0;
  const lines = [
    '#!/usr/bin/env python3',
    `"""${title.replace(/"""/g, "'''")}, exported from nnplay as a PyTorch script.`,
    '',
    'Run it with numpy and PyTorch 1.13 (Debian: apt-get install python3-torch): python3 this_file.py',
    'It prints one JSON line at epoch 0 and every LOG_EVERY epochs, then a final line: the same',
    'numbers nnplay showed for the same seed, within float tolerance.',
    '"""',
    'import json',
    ...IMPORTS,
    `SEED = ${s.seed}  # the data and the mini-batch order`,
    `EPOCHS = ${s.epochs}`,
    `LOG_EVERY = ${s.log_every}`,
    `BATCH_SIZE = ${s.batch_size}  # 0 = the whole training split at once (full batch)`,
    `SHUFFLE = ${py(s.shuffle)}`,
    `DROP_LAST = ${py(s.drop_last)}`,
    '',
    '# ---- data ----------------------------------------------------------------------------------',
    ...dataLines(s.data, { regression, features: s.model.features }),
    '',
    '# ---- model, loss, optimizer ----------------------------------------------------------------',
    ...modelLines(s.model, s.loss),
    '',
    ...(regression ? REGRESSION_LOSSES : LOSSES)[s.loss],
    '',
    '',
    ...penaltyLines(s.regularization),
    '',
    optimizerLine(s.optimizer),
    '',
    '',
    ...(regression ? [] : classLines(s.loss)),
    ...f32Lines,
    ...(regression ? REGRESSION_METRICS : CLASSIFICATION_METRICS),
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
    ...stepLines(s.trace, penalized),
    '        step += 1',
    '    if status == "ok" and not all(torch.isfinite(p).all() for p in model.parameters()):',
    '        status = "diverged"',
    '    if status == "ok" and LOG_EVERY > 0 and epoch % LOG_EVERY == 0:',
    '        print(json.dumps({"epoch": epoch, "step": step, **metrics()}))',
    '',
    'final = {"final": True, "status": status, "epochs": epoch, "step": step, **metrics(confusion=True)}',
  ];
  if (s.predict) lines.push(...predictLines(s.predict, s.data.standardize, regression));
  lines.push('final["weights"] = [{"weight": [[f32(v) for v in row] for row in layer.weight.detach()],',
    '                      "bias": [f32(v) for v in layer.bias.detach()]} for layer in linears]',
    'print(json.dumps(final))', '');
  return lines.join('\n');
}
