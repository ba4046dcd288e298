// "Export as PyTorch", the data section: numpy draws the data as nnplay does (docs/spec.md,
// "Datasets"), then the shuffle, the split, standardize and the model's input features, all in
// the order the engine applies them, so the same seed gives the same tensors.

export const py = (value) => JSON.stringify(value).replace(/\btrue\b/g, 'True').replace(/\bfalse\b/g, 'False').replace(/\bnull\b/g, 'None');
export const num = (v) => `${v}`;

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
  plane: (noise) => [...regressionPoints(noise), 'y = (a + b) / 10  # a tilted plane'],
  multi_gauss: (noise) => [...regressionPoints(noise),
    '# The bump of largest magnitude, the first on a tie: sign * clamp(1 - distance / 2, 0, 1).',
    'y = np.zeros(n)',
    'for cx, cy, sign in [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]:',
    '    v = sign * np.clip(1 - np.sqrt((a - cx) * (a - cx) + (b - cy) * (b - cy)) / 2, 0, 1)',
    '    y = np.where(np.abs(v) > np.abs(y), v, y)'],
};

/** TensorFlow Playground's regression sets: points uniform on [-6, 6]^2; the noise moves where the
 * target is read (a, b), not the point. */
function regressionPoints(noise) {
  const shift = (e) => (noise > 0 ? `${e} = ${num(noise)} * (12 * np.random.rand(n) - 6)` : `${e} = np.zeros(n)`);
  return ['# TensorFlow Playground\'s regression data: the noise moves where the target is read.',
    'x1 = 12 * np.random.rand(n) - 6', 'x2 = 12 * np.random.rand(n) - 6', shift('e1'), shift('e2'),
    'a, b = x1 + e1, x2 + e2'];
}

// model.features as torch computes them, in float32, from the (standardized) inputs.
const FEATURE_OPS = { x1: 'x1', x2: 'x2', 'x1^2': 'x1 ** 2', 'x2^2': 'x2 ** 2', 'x1*x2': 'x1 * x2', 'sin(x1)': 'torch.sin(x1)', 'sin(x2)': 'torch.sin(x2)' };

/** `input_features(x)`: the model's inputs from the points (n, 2); the identity without model.features. */
export function featureLines(features) {
  if (!features) return ['def input_features(x):  # the data\'s inputs as they are', '    return x'];
  return [`def input_features(x):  # model.features ${py(features)}, computed before the first layer`,
    '    x1, x2 = x[:, 0], x[:, 1]',
    `    return torch.stack([${features.map((f) => FEATURE_OPS[f]).join(', ')}], dim=1)`];
}

const TABLES = {
  study_hours: { comment: '# Tutorial 000: hours studied, and whether the exam was passed.', x: [[0], [1], [5], [9], [11], [15], [20]], y: [0, 0, 0, 0, 1, 1, 1] },
  toy4: { comment: "# Tutorial 000's 8 x 4 table with three classes.", x: [[1, 2, 1, 1], [2, 1, 3, 2], [3, 1, 3, 4], [4, 1, 5, 5], [1, 7, 5, 5], [1, 2, 5, 6], [1, 6, 6, 6], [1, 7, 7, 7]], y: [0, 0, 0, 1, 1, 1, 2, 2] },
};

/** The engine's test for a split column: the header (the first non-blank line)'s last field, trimmed, is `split`. */
export function csvHasSplitColumn(text = '') {
  const header = text.split('\n').find((line) => line.trim() !== '') ?? '';
  return header.split(',').at(-1).replace(/^[ \t\r]+|[ \t\r]+$/g, '') === 'split';
}

/** The CSV read as the engine reads it (engine/datasets/csv.cpp): lines cut at \n, blank lines
 * skipped, the first the header, fields trimmed of spaces, tabs and \r. */
function csvLines(text, { regression, named }) {
  return [`# The CSV data: a header row, then features..., label${named ? ', split (train, val or test)' : ''}.`,
    `CSV = ${py(text)}`,
    'lines = [line for line in CSV.split("\\n") if line.strip(" \\t\\r")][1:]  # the data rows, after the header',
    'fields = [[f.strip(" \\t\\r") for f in line.split(",")] for line in lines]',
    ...(named ? ['split = np.array([["train", "val", "test"].index(r[-1]) for r in fields])', 'fields = [r[:-1] for r in fields]'] : []),
    'rows = np.array([[float(f) for f in r] for r in fields], dtype=np.float64).reshape(len(fields), -1)',
    `X, y = rows[:, :-1], rows[:, -1]${regression ? '  # the last column: the real target' : '.astype(int)'}`];
}

/** A split column decides each row's split: rows taken train, val, test, each in their order. */
const splitColumnLines = () => ['# The split column decides: rows taken train, val, test, each kept in its order.',
  'order = np.argsort(split, kind="stable")',
  'X, y = X[order], y[order]',
  'n_train = int((split == 0).sum())',
  'n_val = int((split == 1).sum())'];

export function dataLines(d, { regression = false, features } = {}) {
  const lines = ['np.random.seed(SEED)  # the data stream, as nnplay draws it'];
  if (GENERATORS[d.name]) {
    lines.push(`n = ${d.n}`, ...GENERATORS[d.name](d.noise), 'X = np.stack([x1, x2], axis=1)');
  } else if (TABLES[d.name] || d.name === 'inline') {
    const t = TABLES[d.name] ?? { comment: '# The points given in the spec.', x: d.x, y: d.y };
    lines.push(t.comment, `X = np.array(${py(t.x)}, dtype=np.float64)`, `y = np.array(${py(t.y)})`);
  } else if (d.name === 'wine') {
    lines.push('# UCI wine, 178 x 13, 3 classes: the copy scikit-learn ships (python3-sklearn).',
      'from sklearn.datasets import load_wine', 'X, y = load_wine(return_X_y=True)');
  }
  const named = d.name === 'csv' && csvHasSplitColumn(d.text);
  if (d.name === 'csv') lines.push(...csvLines(d.text, { regression, named }));
  lines.push(regression ? 'y = np.asarray(y, dtype=np.float64).astype(np.float32)  # real targets, in float32'
    : 'y = np.asarray(y, dtype=np.int64)', 'n = len(y)');
  // data.holdout: a CSV without a split column shuffled by the seed before its split, as data.shuffle
  // does (one permutation when both are set); a split column keeps its order unless data.shuffle.
  if (d.shuffle || (d.holdout && !named)) {
    lines.push('order = np.random.permutation(n)  # rows shuffled once, before the split',
      `X, y${named ? ', split' : ''} = X[order], y[order]${named ? ', split[order]' : ''}`);
  }
  lines.push('X = X.astype(np.float32)', '', ...(named ? splitColumnLines() : [
    `# Split in order: train, validation, test (halves round up).`,
    `n_train = math.floor(n * ${num(d.split[0])} + 0.5)`,
    `n_val = min(n, math.floor(n * (${num(d.split[0])} + ${num(d.split[1])}) + 0.5)) - n_train`]));
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
  lines.push('', '', ...featureLines(features), '', '',
    'X, y = input_features(torch.from_numpy(X)), torch.from_numpy(y)',
    'splits = {',
    '    "train": (X[:n_train], y[:n_train]),',
    '    "val": (X[n_train:n_train + n_val], y[n_train:n_train + n_val]),',
    '    "test": (X[n_train + n_val:], y[n_train + n_val:]),',
    '}', 'features = X.shape[1]',
    regression ? 'classes = 1  # regression: one output' : 'classes = max(int(y.max()) + 1, 2)');
  return lines;
}

