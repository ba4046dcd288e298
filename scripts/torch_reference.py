#!/usr/bin/python3
"""The nnplay experiment spec (docs/spec.md), done plainly in numpy + PyTorch 1.13.

    /usr/bin/python3 scripts/torch_reference.py run [--weights] SPEC.json   # what `nnplay run` prints
    /usr/bin/python3 scripts/torch_reference.py data SPEC.json              # what `nnplay data` prints

This file is the reference the C++ engine is checked against (tests/golden/ is made from it) and
the readable statement of what a spec means: every step below is the ordinary PyTorch way of doing
it, so it can also be read as "the experiment, exported as a PyTorch script". It is not fast and
does not try to be.

Shapes: n = samples, k = features, c = classes (the model has c outputs, or 1 for `bce`).
"""

import json
import math
import os
import signal
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

REGRESSION_SETS = ("plane", "multi_gauss")  # real-valued labels: task "regression"
GENERATED = ("radial", "circle", "xor", "gauss", "spiral") + REGRESSION_SETS
DATASETS = GENERATED + ("study_hours", "toy4", "wine", "inline", "csv")
WINE_CSV = "/usr/lib/python3/dist-packages/sklearn/datasets/data/wine_data.csv"

# Tutorial 000's two tables.
STUDY_HOURS_X = [[0], [1], [5], [9], [11], [15], [20]]
STUDY_HOURS_Y = [0, 0, 0, 0, 1, 1, 1]
TOY4_X = [[1, 2, 1, 1], [2, 1, 3, 2], [3, 1, 3, 4], [4, 1, 5, 5],
          [1, 7, 5, 5], [1, 2, 5, 6], [1, 6, 6, 6], [1, 7, 7, 7]]
TOY4_Y = [0, 0, 0, 1, 1, 1, 2, 2]


# ================================================================================================
# Printing numbers: every float is a float32, printed in the shortest form that reads back to it.
# ================================================================================================

def f32(v):
    """The float32 value of v as the Python float whose repr is its shortest float32 digits
    (0.2138, not 0.21379999816417694); None (JSON null) when it is not finite."""
    v = np.float32(v)
    if not np.isfinite(v):
        return None
    return float(np.format_float_positional(v, unique=True))


def f32_list(values):
    return [f32(v) for v in np.asarray(values).ravel()]


def f32_rows(matrix):
    return [f32_list(row) for row in np.asarray(matrix)]


def csv_number(v):
    """A float32 for the CSV: shortest digits, without a trailing '.0' (1.5, 2, 1e-30)."""
    text = repr(f32(v))
    return text[:-2] if text.endswith(".0") else text


# ================================================================================================
# The spec: defaults and validation. Errors name the field: "spec error at optimizer.lr: ...".
# ================================================================================================

class SpecError(Exception):
    pass


def fail(path, expected, got):
    raise SpecError(f"spec error at {path or '(top level)'}: expected {expected}, got {json.dumps(got)}")


def fail_with(path, message):
    raise SpecError(f"spec error at {path}: {message}")


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def is_integer(v):
    return isinstance(v, int) and not isinstance(v, bool)


def check_object(obj, path, allowed):
    if not isinstance(obj, dict):
        fail(path, "an object", obj)
    for key in obj:
        if key not in allowed:
            fail_with(f"{path}.{key}" if path else key, "unknown field (allowed: " + ", ".join(allowed) + ")")


def number(obj, key, path, default, lo=-math.inf, hi=math.inf, hi_open=False):
    v = obj.get(key, default)
    ok = is_number(v) and lo <= v and (v < hi if hi_open else v <= hi)
    if not ok:
        bounds = f">= {lo}" if hi == math.inf else f"in {lo} .. {hi}" + (" (excluded)" if hi_open else "")
        fail(f"{path}.{key}", f"a number {bounds}" if lo != -math.inf else "a finite number", v)
    return float(v)


def integer(obj, key, path, default, lo, hi):
    v = obj.get(key, default)
    if not (is_integer(v) and lo <= v <= hi):
        fail(f"{path}.{key}" if path else key, f"an integer in {lo} .. {hi}", v)
    return v


def boolean(obj, key, path, default):
    v = obj.get(key, default)
    if not isinstance(v, bool):
        fail(f"{path}.{key}" if path else key, "true or false", v)
    return v


def choice(obj, key, path, default, allowed):
    v = obj.get(key, default)
    if v not in allowed:
        fail(f"{path}.{key}" if path else key, "one of " + ", ".join(f'"{a}"' for a in allowed), v)
    return v


CLASSIFICATION_LOSSES = ["cross_entropy", "bce", "mse"]
REGRESSION_LOSSES = ["mse", "l1", "huber"]


def parse_task_and_loss(spec):
    """task defaults to "regression" for the plane and multi_gauss data; the loss must suit it."""
    data = spec.get("data", {})
    data_name = data.get("name", "radial") if isinstance(data, dict) else "radial"
    task = choice(spec, "task", "", "regression" if data_name in REGRESSION_SETS else "classification",
                  ["classification", "regression"])
    if data_name in REGRESSION_SETS and task != "regression":
        fail("task", f'"regression" with data.name "{data_name}" (its labels are real numbers)', task)
    regression = task == "regression"
    loss = choice(spec, "loss", "", "mse" if regression else "cross_entropy", ["cross_entropy", "bce", "mse", "l1", "huber"])
    if loss not in (REGRESSION_LOSSES if regression else CLASSIFICATION_LOSSES):
        fail("loss", f'one of {REGRESSION_LOSSES if regression else CLASSIFICATION_LOSSES} with task "{task}"', loss)
    return task, loss


def parse_regularization(r):
    check_object(r, "regularization", ["l1", "l2"])
    return {"l1": number(r, "l1", "regularization", 0, 0), "l2": number(r, "l2", "regularization", 0, 0)}


def parse_spec(spec, spec_dir):
    """The spec with every default filled in, as plain Python values."""
    check_object(spec, "", ["seed", "task", "data", "model", "loss", "regularization", "optimizer", "batch_size",
                            "shuffle", "drop_last", "epochs", "log_every", "predict", "trace"])
    task, loss = parse_task_and_loss(spec)
    seed = integer(spec, "seed", "", 0, 0, 4294967295)
    s = {
        "seed": seed,
        "task": task,
        "data": parse_data(spec.get("data", {}), spec_dir, task == "regression"),
        "model": parse_model(spec.get("model", {}), seed),
        "loss": loss,
        "regularization": parse_regularization(spec.get("regularization", {})),
        "optimizer": parse_optimizer(spec.get("optimizer", {"name": "sgd", "lr": 0.005})),
        "batch_size": integer(spec, "batch_size", "", 0, 0, 200000),
        "shuffle": boolean(spec, "shuffle", "", True),
        "drop_last": boolean(spec, "drop_last", "", False),
        "epochs": integer(spec, "epochs", "", 4000, 0, 10000000),
        "log_every": integer(spec, "log_every", "", 200, 0, 10000000),
        "predict": spec.get("predict"),
        "trace": spec.get("trace", []),
    }
    t = s["trace"]
    if not (isinstance(t, list) and len(t) <= 16 and all(is_integer(k) and 0 <= k <= 2**53 - 1 for k in t)):
        fail("trace", "at most 16 step numbers, each an integer in 0 .. 9007199254740991", t)
    p = s["predict"]
    if p is not None and not (isinstance(p, list) and len(p) <= 10000 and
                              all(isinstance(r, list) and all(is_number(v) for v in r) for r in p)):
        fail("predict", "at most 10000 points, each a list of numbers", p)
    return s


def parse_data(d, spec_dir, regression):
    check_object(d, "data", ["name", "n", "noise", "split", "shuffle", "standardize", "x", "y", "text", "path"])
    name = choice(d, "name", "data", "radial", DATASETS)
    generated = name in GENERATED
    for key, where in [("n", GENERATED), ("noise", GENERATED), ("x", ("inline",)), ("y", ("inline",)),
                       ("text", ("csv",)), ("path", ("csv",))]:
        if key in d and name not in where:
            fail_with(f"data.{key}", f"not a field of the {name} data set")
    default_split = {"wine": [0.8, 0, 0.2]}.get(name, [1, 0, 0] if not generated else [0.8, 0.1, 0.1])
    split = d.get("split", default_split)
    if not (isinstance(split, list) and len(split) == 3 and all(is_number(f) and 0 <= f <= 1 for f in split)
            and abs(sum(split) - 1) <= 1e-9):
        fail("data.split", "[train, val, test]: three fractions in 0 .. 1 that add up to 1", split)
    data = {
        "name": name,
        "n": integer(d, "n", "data", 10000 if name == "radial" else 1000, 1, 200000) if generated else None,
        "noise": number(d, "noise", "data", 0, 0, 1) if generated else 0.0,
        "split": [float(f) for f in split],
        "shuffle": boolean(d, "shuffle", "data", name == "wine"),
        "standardize": boolean(d, "standardize", "data", False),
        "regression": regression,
    }
    if name == "inline":
        x, y = d.get("x"), d.get("y")
        if not (isinstance(x, list) and 1 <= len(x) <= 200000 and all(isinstance(r, list) for r in x)
                and 1 <= len(x[0]) <= 64 and all(len(r) == len(x[0]) and all(is_number(v) for v in r) for r in x)):
            fail("data.x", "1 .. 200000 rows of 1 .. 64 finite numbers, all rows the same width", x)
        if regression:  # real targets
            if not (isinstance(y, list) and len(y) == len(x) and all(is_number(v) for v in y)):
                fail("data.y", f"{len(x)} finite numbers", y)
        elif not (isinstance(y, list) and len(y) == len(x) and all(is_integer(v) and 0 <= v <= 63 for v in y)):
            fail("data.y", f"{len(x)} labels, integers 0 .. 63", y)
        data["x"], data["y"] = x, y
    if name == "csv":
        if ("text" in d) == ("path" in d):
            fail("data", "exactly one of data.text and data.path", d)
        if "text" in d:
            if not isinstance(d["text"], str):
                fail("data.text", "a string", d["text"])
            data["text"] = d["text"]
        else:
            if not isinstance(d["path"], str):
                fail("data.path", "a string", d["path"])
            with open(os.path.join(spec_dir, d["path"])) as f:
                data["text"] = f.read()
    return data


FEATURES = ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]


def parse_model(m, seed):
    check_object(m, "model", ["hidden", "activation", "init", "features", "seed"])
    hidden = m.get("hidden", [200])
    if not (isinstance(hidden, list) and len(hidden) <= 8 and all(is_integer(h) and 1 <= h <= 1024 for h in hidden)):
        fail("model.hidden", "at most 8 layers of 1 .. 1024 units", hidden)
    features = m.get("features")
    if features is not None and not (isinstance(features, list) and 1 <= len(features) <= len(FEATURES) and
                                     all(f in FEATURES for f in features) and len(set(features)) == len(features)):
        fail("model.features", "a list of distinct names from " + ", ".join(FEATURES), features)
    return {"hidden": hidden,
            "activation": choice(m, "activation", "model", "relu", ["relu", "tanh", "sigmoid", "linear"]),
            "init": m.get("init"),  # shapes are checked against the layers in build_model
            "features": features,   # None: the data's inputs as they are
            "seed": integer(m, "seed", "model", seed, 0, 4294967295)}


# PyTorch turns lr, weight_decay, 1 - dampening and initial_accumulator_value into float32 and
# refuses larger values ("value cannot be converted to type float without overflow"); Adam's first
# step lr / (1 - beta1) too.
FLOAT32_MAX = float(np.finfo(np.float32).max)

OPTIMIZER_FIELDS = {
    "sgd": ["lr", "momentum", "dampening", "nesterov", "weight_decay"],
    "adagrad": ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps"],
    "adam": ["lr", "betas", "eps", "weight_decay", "amsgrad"],
}


def parse_optimizer(o):
    if not isinstance(o, dict):
        fail("optimizer", "an object", o)
    name = choice(o, "name", "optimizer", "sgd", list(OPTIMIZER_FIELDS))
    check_object(o, "optimizer", ["name"] + OPTIMIZER_FIELDS[name])
    p = "optimizer"
    if name == "sgd":
        if "lr" not in o:
            fail("optimizer.lr", "a number >= 0 (PyTorch's SGD has no default)", None)
        opt = {"lr": number(o, "lr", p, None, 0, FLOAT32_MAX), "momentum": number(o, "momentum", p, 0, 0),
               "dampening": number(o, "dampening", p, 0, -FLOAT32_MAX, FLOAT32_MAX),
               "nesterov": boolean(o, "nesterov", p, False),
               "weight_decay": number(o, "weight_decay", p, 0, 0, FLOAT32_MAX)}
        if opt["nesterov"] and (opt["momentum"] <= 0 or opt["dampening"] != 0):
            fail("optimizer.nesterov", "false unless momentum > 0 and dampening is 0", True)
    elif name == "adagrad":
        opt = {"lr": number(o, "lr", p, 0.01, 0, FLOAT32_MAX), "lr_decay": number(o, "lr_decay", p, 0, 0),
               "weight_decay": number(o, "weight_decay", p, 0, 0, FLOAT32_MAX),
               "initial_accumulator_value": number(o, "initial_accumulator_value", p, 0, 0, FLOAT32_MAX),
               "eps": number(o, "eps", p, 1e-10, 0)}
    else:
        betas = o.get("betas", [0.9, 0.999])
        if not (isinstance(betas, list) and len(betas) == 2 and all(is_number(b) and 0 <= b < 1 for b in betas)):
            fail("optimizer.betas", "two numbers in [0, 1)", betas)
        opt = {"lr": number(o, "lr", p, 0.001, 0, FLOAT32_MAX * (1 - betas[0])),
               "betas": (float(betas[0]), float(betas[1])),
               "eps": number(o, "eps", p, 1e-8, 0), "weight_decay": number(o, "weight_decay", p, 0, 0, FLOAT32_MAX),
               "amsgrad": boolean(o, "amsgrad", p, False)}
    opt["name"] = name
    return opt


# ================================================================================================
# Data. The generated sets draw from numpy's legacy global stream after np.random.seed(seed):
# u(n) = np.random.rand(n), g(n) = np.random.randn(n). Formulas are evaluated left to right as
# written, in float64, and the result is stored as float32.
# ================================================================================================

def u(n):
    return np.random.rand(n)


def g(n):
    return np.random.randn(n)


def add_noise(x, scale):
    """x + scale * (2 u(n) - 1); with scale 0 nothing is drawn (which matters to data.shuffle)."""
    return x + scale * (2 * u(len(x)) - 1) if scale > 0 else x


def generate(name, n, noise):
    """(x as float64 (n, 2), y as int (n,)) for one of the generated sets."""
    i = np.arange(n)
    two_pi = 2 * np.pi
    if name == "radial":  # tutorial 001: rings of radius 0-1, 1-2, 2-3 squashed into a cardioid
        r = u(n) * 3
        theta = u(n) * two_pi
        y = np.floor(r).astype(np.int64)
        r = r * (np.cos(theta) + 1)
        x1 = r * np.cos(theta)
        x2 = r * np.sin(theta)
        x1 = add_noise(x1, noise)
        x2 = add_noise(x2, noise)
    elif name == "circle":  # a disc of class 0 inside a ring of class 1
        y = i % 2
        a = u(n)
        theta = u(n) * two_pi
        r = np.where(y == 0, 2.5 * a, 3.5 + 1.5 * a)
        x1 = r * np.sin(theta)
        x2 = r * np.cos(theta)
        x1 = add_noise(x1, 5 * noise)
        x2 = add_noise(x2, 5 * noise)
    elif name == "xor":  # class 1 in the quadrants where x1 and x2 have the same sign
        x1 = 10 * u(n) - 5
        x2 = 10 * u(n) - 5
        x1 = x1 + np.where(x1 >= 0, 0.3, -0.3)  # 0.3 away from the axes, sign(0) = +1
        x2 = x2 + np.where(x2 >= 0, 0.3, -0.3)
        y = (x1 * x2 >= 0).astype(np.int64)
        x1 = add_noise(x1, 5 * noise)
        x2 = add_noise(x2, 5 * noise)
    elif name == "gauss":  # two blobs at (-2, -2) and (2, 2)
        y = i % 2
        c = np.where(y == 1, 2.0, -2.0)
        s = math.sqrt(0.5 + 7 * noise)
        x1 = c + s * g(n)
        x2 = c + s * g(n)
    elif name == "spiral":  # two interleaved arms, 1.75 turns each; a random place on its arm per row
        y = i % 2
        a = u(n)
        r = 5 * a
        t = 1.75 * two_pi * a + np.pi * y
        x1 = add_noise(r * np.sin(t), noise)
        x2 = add_noise(r * np.cos(t), noise)
    else:  # plane, multi_gauss: TensorFlow Playground's regression sets (float64 labels)
        return regression_set(name, n, noise)
    return np.stack([x1, x2], axis=1), y.astype(np.int64)


# The six bumps of multi_gauss: centre (cx, cy) and sign.
BUMPS = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]


def regression_set(name, n, noise):
    """Points uniform on [-6, 6]^2; the noise moves where the label is read, not the point (as
    TensorFlow Playground's regressPlane and regressGaussian do)."""
    x1 = 12 * u(n) - 6
    x2 = 12 * u(n) - 6
    e1 = noise * (12 * u(n) - 6) if noise > 0 else np.zeros(n)
    e2 = noise * (12 * u(n) - 6) if noise > 0 else np.zeros(n)
    a, b = x1 + e1, x2 + e2
    if name == "plane":
        t = (a + b) / 10
    else:  # the bump value of largest magnitude, the first on a tie: sign * clamp(1 - dist / 2, 0, 1)
        t = np.zeros(n)
        for cx, cy, sign in BUMPS:
            v = sign * np.clip(1 - np.sqrt((a - cx) * (a - cx) + (b - cy) * (b - cy)) / 2, 0, 1)
            t = np.where(np.abs(v) > np.abs(t), v, t)
    return np.stack([x1, x2], axis=1), t


def read_wine():
    """UCI wine as scikit-learn ships it: a header line "178,13,class_0,...", then 13 features and
    the label per row."""
    with open(WINE_CSV) as f:
        lines = f.read().splitlines()[1:]
    rows = [[float(v) for v in line.split(",")] for line in lines if line.strip()]
    return [r[:-1] for r in rows], [int(r[-1]) for r in rows]


def parse_csv(text, regression=False):
    """A header row, then one row per sample: number columns (features), the last an integer label."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        raise SpecError("spec error at data.text: expected a header row and at least one sample row")
    width = len(lines[0].split(","))
    x, y = [], []
    for row_number, line in enumerate(lines[1:], start=2):
        cells = [c.strip() for c in line.split(",")]
        if len(cells) != width or width < 2:
            raise SpecError(f"spec error at data.text: row {row_number} has {len(cells)} columns, expected {width}")
        try:
            values = [float(c) for c in cells[:-1]]
        except ValueError:
            bad = next(j for j, c in enumerate(cells[:-1]) if not _is_float(c))
            raise SpecError(f"spec error at data.text: row {row_number} column {bad + 1}: not a number: {cells[bad]!r}")
        if not all(math.isfinite(v) for v in values):
            raise SpecError(f"spec error at data.text: row {row_number}: not a finite number")
        if regression:  # the last column is a real target
            x.append(values)
            y.append(float(cells[-1]))
            continue
        if not (cells[-1].isdigit() and int(cells[-1]) <= 63):
            raise SpecError(f"spec error at data.text: row {row_number} column {width}: "
                            f"expected a label 0 .. 63, got {cells[-1]!r}")
        x.append(values)
        y.append(int(cells[-1]))
    return x, y


def _is_float(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def round_half_up(v):
    """round() as C's std::round for v >= 0: halves go up (2.5 -> 3), unlike Python's round()."""
    whole = math.floor(v)
    return int(whole + 1 if v - whole >= 0.5 else whole)


def make_dataset(d, seed):
    """x float32 (n, k), y int64 (n,), split names (n,) after shuffle and standardization, and the
    standardization as a function of float32 points (None when off)."""
    np.random.seed(seed)
    name = d["name"]
    if name in GENERATED:
        x, y = generate(name, d["n"], d["noise"])
    elif name == "study_hours":
        x, y = STUDY_HOURS_X, STUDY_HOURS_Y
    elif name == "toy4":
        x, y = TOY4_X, TOY4_Y
    elif name == "wine":
        x, y = read_wine()
    elif name == "inline":
        x, y = d["x"], d["y"]
    else:
        x, y = parse_csv(d["text"], d["regression"])
    x = np.asarray(x, dtype=np.float64).astype(np.float32)
    # Labels, or real targets stored as float32 for regression.
    y = np.asarray(y, dtype=np.float64).astype(np.float32) if d["regression"] else np.asarray(y, dtype=np.int64)
    n = len(y)

    # Shuffle once, with the permutation drawn from the same stream after the data. numpy's legacy
    # permutation: for i = n-1 down to 1, j = a 32-bit draw & (smallest 2^k - 1 >= i), drawn again
    # while j > i; swap rows i and j.
    if d["shuffle"]:
        order = np.random.permutation(n)
        x, y = x[order], y[order]

    # Split in order: round(n * train) rows train, up to round(n * (train + val)) validate, the rest test.
    train, val, _ = d["split"]
    n_train = round_half_up(n * train)
    n_train_val = round_half_up(n * (train + val))
    split = np.array(["train"] * n_train + ["val"] * (n_train_val - n_train) + ["test"] * (n - n_train_val))

    # Standardize every split with the training split's mean and population std, in float64; the
    # predict points later get the same transform (StandardScaler.transform in a pipeline).
    scale = None
    if d["standardize"] and n_train > 0:
        train_x = x[:n_train].astype(np.float64)
        mean = train_x.mean(axis=0)
        std = np.sqrt(((train_x - mean) ** 2).mean(axis=0))
        std[std == 0] = 1

        def scale(points):
            return ((np.asarray(points, dtype=np.float32).astype(np.float64) - mean) / std).astype(np.float32)
        x = scale(x)
    return x, y, split, scale


# ================================================================================================
# Model: nn.Linear layers with the activation between them, created in order after
# torch.manual_seed(seed), so the weights are exactly PyTorch's default initialisation.
#
# What that is, bit for bit (checked against PyTorch 1.13 on x86-64 with AVX2/AVX-512): one MT19937
# seeded like init_genrand(seed); per layer the weight (row-major, weight[out][in]) then the bias;
# per value one 32-bit draw x and
#     u = (x & 0xFFFFFF) * 2^-24          (exact in float32)
#     b = float32(1 / sqrt(fan_in))       (in double, then rounded; the same float32 as kaiming's
#                                          sqrt(3) * gain / sqrt(fan_in), fan_in 1 .. 200000)
#     w = float32(u * (2b) - b)           rounded ONCE: the product and sum are exact in double, or
#                                          use fmaf(u, 2b, -b). Rounding u * 2b to float first gives
#                                          PyTorch's non-AVX2 ("default" capability) kernel instead.
# ================================================================================================

ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "linear": nn.Identity}


def build_model(m, features, outputs):
    torch.manual_seed(m["seed"])  # model.seed, or the spec's seed: the weights' own stream
    widths = [features] + m["hidden"] + [outputs]
    layers = []
    for j in range(len(widths) - 1):
        layers.append(nn.Linear(widths[j], widths[j + 1]))
        if j < len(widths) - 2:
            layers.append(ACTIVATIONS[m["activation"]]())
    model = nn.Sequential(*layers)
    linears = [layer for layer in model if isinstance(layer, nn.Linear)]

    init = m["init"]
    if init is not None:  # weights given in PyTorch's layout, weight[out][in]
        if not (isinstance(init, list) and len(init) == len(linears)):
            fail("model.init", f"{len(linears)} layers of {{weight, bias}}", init)
        for j, (layer, given) in enumerate(zip(linears, init)):
            path = f"model.init[{j}]"
            check_object(given, path, ["weight", "bias"])
            w, b = given.get("weight"), given.get("bias")
            out, inp = layer.weight.shape
            if not (isinstance(w, list) and len(w) == out and all(isinstance(r, list) and len(r) == inp and
                                                                  all(is_number(v) for v in r) for r in w)):
                fail(path + ".weight", f"{out} rows of {inp} numbers", w)
            if not (isinstance(b, list) and len(b) == out and all(is_number(v) for v in b)):
                fail(path + ".bias", f"{out} numbers", b)
            with torch.no_grad():
                layer.weight.copy_(torch.tensor(w, dtype=torch.float32))
                layer.bias.copy_(torch.tensor(b, dtype=torch.float32))
    return model, linears


# ================================================================================================
# Loss and predictions, from the logits z (n, outputs).
# ================================================================================================

def make_loss(name, classes, task):
    if task == "regression":  # one output z (n, 1) against the real targets t (n,)
        loss = {"mse": nn.MSELoss(), "l1": nn.L1Loss(), "huber": nn.HuberLoss(delta=1.0)}[name]
        return lambda z, t: loss(z, t.unsqueeze(1))
    if name == "cross_entropy":
        return lambda z, y: nn.CrossEntropyLoss()(z, y)
    if name == "bce":  # nn.Sigmoid then nn.BCELoss on the single output
        return lambda z, y: nn.BCELoss()(nn.Sigmoid()(z), y.float().unsqueeze(1))
    return lambda z, y: nn.MSELoss()(z, F.one_hot(y, classes).float())  # mse against one-hot targets


def predicted_class(z, loss_name):
    if loss_name == "bce":
        return (torch.sigmoid(z)[:, 0] >= 0.5).long()
    return z.argmax(dim=1)


def probabilities(z, loss_name):
    if loss_name == "bce":
        p = torch.sigmoid(z)
        return torch.cat([1 - p, p], dim=1)
    return torch.softmax(z, dim=1)


# ================================================================================================
# Optimizer: torch.optim with the spec's options, single-tensor path (foreach=False).
# ================================================================================================

def make_optimizer(o, params):
    if o["name"] == "sgd":
        return torch.optim.SGD(params, lr=o["lr"], momentum=o["momentum"], dampening=o["dampening"],
                               weight_decay=o["weight_decay"], nesterov=o["nesterov"], foreach=False)
    if o["name"] == "adagrad":
        return torch.optim.Adagrad(params, lr=o["lr"], lr_decay=o["lr_decay"], weight_decay=o["weight_decay"],
                                   initial_accumulator_value=o["initial_accumulator_value"], eps=o["eps"],
                                   foreach=False)
    return torch.optim.Adam(params, lr=o["lr"], betas=o["betas"], eps=o["eps"], weight_decay=o["weight_decay"],
                            amsgrad=o["amsgrad"], foreach=False)


# ================================================================================================
# Metrics: loss and accuracy of each non-empty split under the current weights, in float32.
# ================================================================================================

def evaluate_regression(z, t, loss):
    d = z[:, 0] - t
    sq = d * d
    r2 = 1 - sq.sum() / ((t - t.mean()) ** 2).sum()  # NaN (printed null) when t is constant
    return {"loss": f32(loss), "mae": f32(d.abs().mean().item()), "rmse": f32(torch.sqrt(sq.mean()).item()),
            "r2": f32(r2.item())}


def evaluate(model, loss_fn, loss_name, x, y, classes, confusion):
    with torch.no_grad():
        z = model(x)
        loss = loss_fn(z, y).item()
        if y.dtype == torch.float32:  # regression
            return evaluate_regression(z, y, loss)
        predicted = predicted_class(z, loss_name)
    result = {"loss": f32(loss), "accuracy": f32((predicted == y).sum().item() / len(y))}
    if confusion:  # confusion[true][predicted]
        counts = np.zeros((classes, classes), dtype=np.int64)
        np.add.at(counts, (y.numpy(), predicted.numpy()), 1)
        result["confusion"] = counts.tolist()
    return result


def metrics(model, loss_fn, loss_name, splits, classes, confusion=False):
    return {name: evaluate(model, loss_fn, loss_name, x, y, classes, confusion)
            for name, (x, y) in splits.items() if len(y) > 0}


# ================================================================================================
# The step trace: one optimizer step as PyTorch holds it (docs/spec.md, "trace").
# ================================================================================================

def layer_tensors(linears, tensor_of):
    return [{"weight": f32_rows(tensor_of(layer.weight)), "bias": f32_list(tensor_of(layer.bias))} for layer in linears]


def state_of(optimizer, p):
    """optimizer.state[p] after step(): tensors as lists, 'step' as a number, None buffers left out."""
    out = {}
    for key, value in optimizer.state[p].items():
        if value is None:
            continue  # plain SGD keeps {'momentum_buffer': None}
        if key == "step":
            out[key] = float(value)
        else:
            out[key] = f32_rows(value) if value.dim() == 2 else f32_list(value)
    return out


def forward_traced(model, xb):
    """model(xb), module by module, keeping each Linear's z (with its .grad after backward) and the
    activation's output a; the same modules in the same order, so the same numbers as model(xb)."""
    zs, acts, h = [], [], xb
    for module in model:
        h = module(h)
        if isinstance(module, nn.Linear):
            h.retain_grad()
            zs.append(h)
            acts.append(h)  # replaced by the activation's output when one follows
        else:
            acts[-1] = h
    return h, zs, acts


def traced_step(model, linears, optimizer, loss_fn, xb, yb, index, step, epoch, regularization):
    params = layer_tensors(linears, lambda t: t.detach())
    optimizer.zero_grad()
    logits, zs, acts = forward_traced(model, xb)
    loss = loss_fn(logits, yb)
    if not math.isfinite(loss.item()):
        return loss, None
    extra = penalty(linears, regularization)
    (loss + extra).backward()  # .grad includes the penalty's
    grad = layer_tensors(linears, lambda t: t.grad)
    optimizer.step()
    layers = [{"z": f32_list(z[0].detach()), "a": f32_list(a[0].detach()), "dz": f32_list(z.grad[0])}
              for z, a in zip(zs, acts)]
    batch = list(range(len(yb))) if index is None else [int(i) for i in index]
    line = {"step": step, "epoch": epoch, "batch": batch, "loss": f32(loss.item())}
    if regularization["l1"] > 0 or regularization["l2"] > 0:
        line["penalty"] = f32(float(extra))  # l1 * sum |W| + l2 * sum W^2, before the step
    return loss, {"trace": {
        **line, "params": params, "grad": grad,
        "state": [{"weight": state_of(optimizer, layer.weight), "bias": state_of(optimizer, layer.bias)}
                  for layer in linears],
        "after": layer_tensors(linears, lambda t: t.detach()),
        "sample": {"index": batch[0], "x": f32_list(xb[0]), "layers": layers}}}


# ================================================================================================
# The run: data, model, then the training loop, printing one JSON line per log epoch and a final one.
# ================================================================================================

def input_features(x, names):
    """model.features of the (standardized, if on) inputs x (n, 2), in float32, as columns."""
    if names is None:
        return x
    x1, x2 = x[:, 0], x[:, 1]
    columns = {"x1": lambda: x1, "x2": lambda: x2, "x1^2": lambda: x1 ** 2, "x2^2": lambda: x2 ** 2,
               "x1*x2": lambda: x1 * x2, "sin(x1)": lambda: torch.sin(x1), "sin(x2)": lambda: torch.sin(x2)}
    return torch.stack([columns[name]() for name in names], dim=1)


def penalty(linears, r):
    """l1 * sum |W| + l2 * sum W^2 over the weight matrices (not the biases), for autograd."""
    total = 0
    if r["l1"] > 0:
        total = total + r["l1"] * sum(layer.weight.abs().sum() for layer in linears)
    if r["l2"] > 0:
        total = total + r["l2"] * sum((layer.weight ** 2).sum() for layer in linears)
    return total


def run(s, show_weights, out=sys.stdout):
    x, y, split, scale = make_dataset(s["data"], s["seed"])
    features = x.shape[1]
    regression = s["task"] == "regression"
    classes = 1 if regression else max(int(y.max()) + 1, 2)
    model_features = s["model"]["features"]
    if model_features is not None and features != 2:
        fail_with("model.features", f"input features need data of 2 features, the data has {features}")
    if s["loss"] == "bce" and classes != 2:
        fail_with("loss", f"\"bce\" needs labels 0 and 1 only, the data has {classes} classes")
    predict = s["predict"]
    if predict is not None and any(len(p) != features for p in predict):
        fail("predict", f"points of {features} numbers", predict)

    splits = {name: (input_features(torch.from_numpy(x[split == name]), model_features), torch.from_numpy(y[split == name]))
              for name in ("train", "val", "test")}
    x_train, y_train = splits["train"]
    n_train = len(y_train)

    inputs = features if model_features is None else len(model_features)
    model, linears = build_model(s["model"], inputs, 1 if s["loss"] == "bce" or regression else classes)
    loss_fn = make_loss(s["loss"], classes, s["task"])
    optimizer = make_optimizer(s["optimizer"], model.parameters())

    def emit(line):
        out.write(json.dumps(line) + "\n")

    def progress(epoch, step):
        emit({"epoch": epoch, "step": step, **metrics(model, loss_fn, s["loss"], splits, classes)})

    # Mini-batches: indices into the training split, a fresh torch.randperm from its own generator
    # every epoch (for i in 0 .. n-2: z = 32-bit draw % (n - i), swap a[i] and a[i + z]). A batch
    # larger than the split is the whole split, or nothing with drop_last (like DataLoader).
    batch_size = s["batch_size"]
    shuffle_stream = torch.Generator()
    shuffle_stream.manual_seed(s["seed"])

    def batches():
        if n_train == 0:
            return []
        if s["batch_size"] == 0:
            return [None]  # None = the whole split, one update
        order = torch.randperm(n_train, generator=shuffle_stream) if s["shuffle"] else torch.arange(n_train)
        starts = range(0, n_train, batch_size)
        return [order[a:a + batch_size] for a in starts if not (s["drop_last"] and a + batch_size > n_train)]

    # Training. A non-finite training loss stops the run before that update; a non-finite parameter
    # stops it after. Either way `epochs` is the epoch it happened in and `step` the updates done.
    step, epoch, status, message = 0, 0, "ok", None
    traced = set(s["trace"])
    if s["log_every"] > 0:
        progress(0, 0)
    while epoch < s["epochs"] and status == "ok":
        epoch += 1
        for index in batches():
            xb, yb = (x_train, y_train) if index is None else (x_train[index], y_train[index])
            if step in traced:
                loss, line = traced_step(model, linears, optimizer, loss_fn, xb, yb, index, step, epoch - 1,
                                         s["regularization"])
                if line is not None:
                    emit(line)
            else:
                optimizer.zero_grad()
                loss = loss_fn(model(xb), yb)
                if math.isfinite(loss.item()):
                    # The objective adds the regularization penalty; the reported loss stays the data loss.
                    (loss + penalty(linears, s["regularization"])).backward()
                    optimizer.step()
            if not math.isfinite(loss.item()):  # stop before stepping on a non-finite loss
                status, message = "diverged", f"the training loss became {loss.item()} in epoch {epoch}"
                break
            step += 1
            if not all(torch.isfinite(p).all() for p in model.parameters()):
                status, message = "diverged", f"a parameter became non-finite in epoch {epoch}"
                break
        if status == "ok" and s["log_every"] > 0 and epoch % s["log_every"] == 0:
            progress(epoch, step)

    final = {"final": True, "status": status}
    if message:
        final["message"] = message
    final.update({"epochs": epoch, "step": step,
                  **metrics(model, loss_fn, s["loss"], splits, classes, confusion=True)})
    if predict is not None:
        px = torch.tensor(predict, dtype=torch.float32).reshape(len(predict), features)
        model_x = torch.from_numpy(scale(px.numpy())) if scale else px  # in the data's own units
        with torch.no_grad():
            z = model(input_features(model_x, model_features))
            p = probabilities(z, s["loss"])
        if regression:
            final["predict"] = [{"x": f32_list(px[j]), "value": f32(z[j, 0])} for j in range(len(predict))]
        else:
            final["predict"] = [{"x": f32_list(px[j]), "logits": f32_list(z[j]), "probabilities": f32_list(p[j])}
                                for j in range(len(predict))]
    if show_weights:
        final["weights"] = [{"weight": f32_rows(layer.weight.detach()), "bias": f32_list(layer.bias.detach())}
                            for layer in linears]
    emit(final)


def dataset_csv(s):
    x, y, split, _ = make_dataset(s["data"], s["seed"])
    header = ",".join(f"x{j + 1}" for j in range(x.shape[1])) + ",label,split"
    label = (lambda v: csv_number(v)) if s["task"] == "regression" else str
    rows = [",".join(csv_number(v) for v in x[i]) + f",{label(y[i])},{split[i]}" for i in range(len(y))]
    return "\n".join([header] + rows) + "\n"


# ================================================================================================
# Command line.
# ================================================================================================

def load_spec(path):
    if path == "-":
        return json.load(sys.stdin), os.getcwd()
    with open(path) as f:
        return json.load(f), os.path.dirname(os.path.abspath(path))


def main(argv):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `... | head` ends quietly
    args = argv[1:]
    show_weights = "--weights" in args
    args = [a for a in args if a != "--weights"]
    if len(args) != 2 or args[0] not in ("run", "data") or (show_weights and args[0] != "run"):
        sys.stderr.write(__doc__)
        return 1
    try:
        raw, spec_dir = load_spec(args[1])
        spec = parse_spec(raw, spec_dir)
        if args[0] == "data":
            sys.stdout.write(dataset_csv(spec))
        else:
            run(spec, show_weights)
    except (SpecError, json.JSONDecodeError) as e:
        sys.stderr.write(f"{e}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
