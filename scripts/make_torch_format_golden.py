#!/usr/bin/python3
"""Write tests/golden/print/torch_format.json: tensors and the strings PyTorch 1.13 prints for them.

    /usr/bin/python3 scripts/make_torch_format_golden.py

web/shared/torch-format.js mimics torch's default print (4 decimals, sci mode, int mode,
summarization past 1000 elements, line wrapping at 80 columns); tests/node/torch-format.test.mjs
checks it against these strings. Each case is {"name", "values": nested lists of float32 values
(shortest float32 text; "nan", "inf", "-inf" as strings), "suffixes", "printed"}.
Needs Debian's python3-torch and numpy.
"""

import json
import os

import numpy as np
import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "tests", "golden", "print", "torch_format.json")


def encode(a):
    """Nested lists of float32 values as JSON numbers (their shortest float32 text) or strings."""
    if a.ndim == 0:
        v = np.float32(a)
        if np.isnan(v):
            return "nan"
        if np.isinf(v):
            return "inf" if v > 0 else "-inf"
        return float(str(v))  # numpy prints a float32's shortest text: Math.fround gives it back
    return [encode(x) for x in a]


def cases():
    g = torch.Generator().manual_seed(0)
    rand = lambda *shape, scale=1.0: torch.randn(*shape, generator=g) * scale
    # Big tensors with short texts (hundredths), so the golden file stays small.
    short = lambda *shape, scale=1.0: torch.randint(-999, 1000, shape, generator=g) / 100 * scale
    yield "matrix", rand(3, 4), []
    yield "column", rand(5, 1), []
    yield "row vector", rand(3), []
    yield "scalar", torch.tensor(0.6931472), []
    yield "scalar loss", torch.tensor(1.0986123), ["grad_fn=<MulBackward0>"]
    yield "parameter", rand(3, 2), ["requires_grad=True"]
    yield "sci small", torch.tensor([1.2345e-5, 0.5, -0.25]), []
    yield "sci ratio", torch.tensor([[1500.0, 0.5], [-2.0, 3.0]]), []
    yield "sci big", torch.tensor([2.5e9, 1.0]), []
    yield "int mode", torch.tensor([[0.0, 1.0], [-2.0, 30.0]]), []
    yield "int sci", torch.tensor([1.0, 5000.0]), []
    yield "zeros", torch.zeros(2, 3), []
    yield "negative zero", torch.tensor([-0.0, 0.5, -0.00001]), []
    yield "ties", torch.tensor([0.03125, 0.15625, -0.40625, 1.03125]), []
    yield "carry", torch.tensor([0.99996, 9.99996, -0.99999]), []
    yield "specials", torch.tensor([float("nan"), float("inf"), -float("inf"), 0.5]), []
    yield "int specials", torch.tensor([float("nan"), 2.0, -3.0]), []
    yield "wrap", rand(30), []
    yield "wrap matrix", rand(2, 12), []
    yield "tall", rand(40, 3, scale=3.0), []
    yield "summarized matrix", short(20, 60), []
    yield "summarized vector", short(1100, scale=0.01), []
    yield "summarized wide rows", short(1001, 1), []
    yield "three dims", rand(2, 2, 2), []
    yield "momentum like", rand(3, 3, scale=1e-3), []
    yield "adam v like", rand(4, scale=1e-6).abs(), []


def main():
    out = []
    for name, t, suffixes in cases():
        t = t.to(torch.float32)
        if "requires_grad=True" in suffixes:
            printed = str(torch.nn.Parameter(t.clone())).split("\n", 1)[1]  # past "Parameter containing:"
        elif suffixes:
            x = t.clone().requires_grad_()
            printed = str(x * 1.0)
        else:
            printed = str(t)
        out.append({"name": name, "values": encode(t.numpy()), "suffixes": suffixes, "printed": printed})
    with open(OUT, "w") as f:
        f.write("[\n" + ",\n".join("  " + json.dumps(c) for c in out) + "\n]\n")
    print(f"{OUT}: {len(out)} cases")


if __name__ == "__main__":
    main()
