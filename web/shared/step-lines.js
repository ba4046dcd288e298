// What each of the tutorial's five lines produces in one traced step (the engine's trace,
// docs/spec.md "trace"), as named tensors the step inspector prints (page/inspector.js). Pure:
// no DOM, no engine; the numbers are the trace's, except the softmax / sigmoid and -log p of the
// sample's true class, which are computed here from its logits (float32, as torch does).
//
// An item is { key, args, value, suffixes? }: key names a string (strings-inspector.js) filled
// with args, value a number or nested arrays (PyTorch's layout), printed by torch-format.js.
// Parameters are named as in the exported nn.Sequential: "0.weight", "0.bias", "2.weight", ...

export const LINES = ['forward', 'criterion', 'zeroGrad', 'backward', 'step'];
export const CODE = {
  forward: 'y_pred = model(x)',
  criterion: 'loss = criterion(y_pred, y)',
  zeroGrad: 'optimizer.zero_grad()',
  backward: 'loss.backward()',
  step: 'optimizer.step()',
};

const f32 = Math.fround;
const row = (v) => [Array.from(v)];  // one sample as a batch of one: shape [1, n]
const zerosLike = (v) => (Array.isArray(v) ? v.map(zerosLike) : 0);
const minus = (a, b) => (Array.isArray(a) ? a.map((v, i) => minus(v, b[i])) : f32(a - b));
const nameOf = (l, part) => `${2 * l}.${part}`;

/** softmax(z) in float32, max-shifted as torch computes it. */
export function softmax(z) {
  const m = Math.max(...z);
  const e = z.map((v) => f32(Math.exp(f32(v - m))));
  const sum = e.reduce((a, b) => f32(a + b), 0);
  return e.map((v) => f32(v / sum));
}

const sigmoid = (z) => f32(1 / (1 + Math.exp(-z)));

/** Each parameter of the trace's layers: [{ name, l, part }] in PyTorch's order. */
function parameters(trace) {
  return trace.params.flatMap((_, l) => ['weight', 'bias'].map((part) => ({ name: nameOf(l, part), l, part })));
}

function forward(trace, { activation }) {
  const { sample } = trace;
  const last = sample.layers.length - 1;
  const items = [{ key: 'x', args: { i: sample.index }, value: row(sample.x) }];
  sample.layers.forEach((layer, l) => {
    if (l === last) return items.push({ key: 'logits', args: { i: sample.index }, value: row(layer.z) });
    items.push({ key: 'z', args: { l: l + 1, name: String(2 * l) }, value: row(layer.z) });
    items.push({ key: 'a', args: { l: l + 1, activation }, value: row(layer.a) });
  });
  return items;
}

/** The loss, and for the chosen sample what the loss is made of. `label`: its class or target(s). */
function criterion(trace, { loss, label, task }) {
  const items = [{ key: 'loss', args: { n: trace.batch.length, loss }, value: trace.loss }];
  if (trace.penalty !== undefined) items.push({ key: 'penalty', args: {}, value: trace.penalty });
  const logits = trace.sample.layers.at(-1).z;
  const i = trace.sample.index;
  if (label === undefined) return items;
  if (task === 'regression') {
    const target = [label].flat();
    items.push({ key: 'target', args: { i }, value: row(target) });
    items.push({ key: 'error', args: { i }, value: row(logits.map((z, k) => f32(z - target[k]))) });
    return items;
  }
  if (loss === 'mse') {  // against one-hot targets: F.one_hot(y, classes)
    const onehot = logits.map((_, k) => (k === label ? 1 : 0));
    items.push({ key: 'onehot', args: { i }, value: row(onehot) });
    items.push({ key: 'sqError', args: { i }, value: row(logits.map((z, k) => f32(f32(z - onehot[k]) ** 2))) });
    return items;
  }
  if (loss === 'bce') {
    const p = sigmoid(logits[0]);
    const q = label === 1 ? p : f32(1 - p);
    items.push({ key: 'sigmoid', args: { i: trace.sample.index }, value: row([p]) });
    items.push({ key: 'trueClass', args: { y: label }, value: label });
    items.push({ key: 'bceTerm', args: { y: label }, value: f32(-Math.log(q)) });
  } else {
    const p = softmax(logits);
    items.push({ key: 'softmax', args: { i: trace.sample.index }, value: row(p) });
    items.push({ key: 'trueClass', args: { y: label }, value: label });
    items.push({ key: 'nll', args: { y: label }, value: f32(-Math.log(p[label])) });
  }
  return items;
}

function zeroGrad(trace) {
  return parameters(trace).map(({ name, l, part }) => ({ key: 'gradZero', args: { name }, value: zerosLike(trace.grad[l][part]) }));
}

function backward(trace) {
  const items = trace.sample.layers.map((layer, l) => ({ key: 'dz', args: { l: l + 1, i: trace.sample.index }, value: row(layer.dz) }));
  for (const { name, l, part } of parameters(trace)) items.push({ key: 'grad', args: { name }, value: trace.grad[l][part] });
  return items;
}

/** Adam's step size after t steps: lr / (1 - beta1^t), and 1 - beta2^t under sqrt(v) (torch.optim.Adam). */
export function adamStepSize({ lr, betas = [0.9, 0.999] }, t) {
  return { stepSize: lr / (1 - betas[0] ** t), biasCorrection2: 1 - betas[1] ** t };
}

function step(trace, { optimizer }) {
  const items = [];
  for (const { name, l, part } of parameters(trace)) {
    items.push({ key: 'update', args: { name }, value: minus(trace.after[l][part], trace.params[l][part]) });
    for (const [stateKey, value] of Object.entries(trace.state[l]?.[part] ?? {}))
      items.push({ key: 'state', args: { name, state: stateKey }, value });
  }
  if (optimizer?.name === 'adam') {
    const t = trace.state[0]?.weight?.step ?? trace.step + 1;
    const { stepSize, biasCorrection2 } = adamStepSize(optimizer, t);
    items.push({ key: 'adamStepSize', args: { t, lr: optimizer.lr }, value: stepSize });
    items.push({ key: 'adamCorrection2', args: { t }, value: biasCorrection2 });
  }
  for (const { name, l, part } of parameters(trace)) items.push({ key: 'param', args: { name }, value: trace.after[l][part] });
  return items;
}

const BUILD = { forward, criterion, zeroGrad, backward, step };

/**
 * The items each line shows: { forward: [...], criterion: [...], ... }. context: { loss, task,
 * activation, optimizer (the normalized spec's), label (the sample's class, or its target) }.
 */
export function stepLines(trace, context) {
  return Object.fromEntries(LINES.map((line) => [line, BUILD[line](trace, context)]));
}
