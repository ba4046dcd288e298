#!/usr/bin/python3
"""The two measurements quoted in docs/parity.md, against Debian's python3-torch (PyTorch 1.13).

    /usr/bin/python3 scripts/parity_probes.py wine          # SGD lr 0.01 on raw wine: float32 vs float64 vs nnplay
    /usr/bin/python3 scripts/parity_probes.py ce-gradient   # cross-entropy gradient formulas vs autograd

`wine` needs the native runner (build/nnplay, `npm run build`).
"""

import json
import os
import subprocess
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_reference as ref  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
WINE_SGD = {"seed": 8, "data": {"name": "wine"}, "model": {"hidden": []}, "optimizer": {"name": "sgd", "lr": 0.01},
            "epochs": 100, "log_every": 1}


def wine():
    """The mean training loss after each epoch: PyTorch float32, PyTorch float64, the engine."""
    spec = ref.parse_spec(WINE_SGD, ".")
    x, y, split, _ = ref.make_dataset(spec["data"], spec["seed"])
    xt, yt = torch.from_numpy(x[split == "train"]), torch.from_numpy(y[split == "train"])
    torch_losses = {}
    for dtype in (torch.float32, torch.float64):
        model, _ = ref.build_model(spec["model"], x.shape[1], 3, spec["seed"])
        model = model.to(dtype)
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        losses = []
        for _ in range(WINE_SGD["epochs"]):
            optimizer.zero_grad()
            nn_loss = torch.nn.CrossEntropyLoss()(model(xt.to(dtype)), yt)
            nn_loss.backward()
            optimizer.step()
            with torch.no_grad():
                losses.append(torch.nn.CrossEntropyLoss()(model(xt.to(dtype)), yt).item())
        torch_losses[dtype] = losses
    run = subprocess.run([os.path.join(ROOT, "build", "nnplay"), "run", "-"], input=json.dumps(WINE_SGD),
                         capture_output=True, text=True, check=True)
    engine = {line["epoch"]: line["train"]["loss"] for line in map(json.loads, run.stdout.splitlines()) if "epoch" in line}
    print("epoch  float32  float64  engine  float32-vs-float64  engine-vs-float32")
    for e in (10, 20, 30, 40, 50, 75, 100):
        a, b, c = torch_losses[torch.float32][e - 1], torch_losses[torch.float64][e - 1], engine[e]
        print(f"{e:5d}  {a:.6g}  {b:.6g}  {c:.6g}  {abs(a - b) / b:.2e}  {abs(c - a) / a:.2e}")


def ce_gradient(cases=2000):
    """Autograd's dL/dz for one sample (tiled 1-8 times) against two float32 formulas, with a
    correctly rounded exp: exp(log_softmax) - onehot (the engine's) and exp(z - m) / sum - onehot."""
    f = np.float32

    def exp(v):
        return np.exp(np.asarray(v, dtype=np.float64)).astype(f)

    rng = np.random.default_rng(1)
    for scale in (1, 10, 100, 1000):
        same, worst = np.zeros(2, int), np.zeros(2)
        for _ in range(cases):
            classes = int(rng.integers(2, 6))
            z = (rng.standard_normal(classes) * scale).astype(f)
            label, n = int(rng.integers(classes)), int(rng.integers(1, 9))
            zt = torch.tensor(np.tile(z, (n, 1)), requires_grad=True)
            torch.nn.CrossEntropyLoss()(zt, torch.full((n,), label)).backward()
            want = zt.grad.numpy()[0]
            d = (z - z.max()).astype(f)
            total = f(0)
            for v in exp(d):
                total = f(total + v)
            log_softmax = (d - f(np.log(np.float64(total)))).astype(f)
            onehot = np.eye(classes, dtype=f)[label]
            scale_n = f(f(1) / f(n))
            ours = (((exp(log_softmax) - onehot).astype(f)) * scale_n).astype(f)
            other = ((((exp(d) / total).astype(f) - onehot).astype(f)) * scale_n).astype(f)
            for i, got in enumerate((ours, other)):
                same[i] += np.array_equal(got, want)
                nonzero = want != 0
                if nonzero.any():
                    worst[i] = max(worst[i], (np.abs(got - want)[nonzero] / np.abs(want[nonzero])).max())
        print(f"logits x {scale}: exp(log_softmax) bit-equal {same[0]}/{cases}, worst {worst[0]:.2e}; "
              f"exp(z - m) / sum bit-equal {same[1]}/{cases}, worst {worst[1]:.2e}")


if __name__ == "__main__":
    torch.set_num_threads(1)
    commands = {"wine": wine, "ce-gradient": ce_gradient}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.stderr.write(__doc__)
        sys.exit(1)
    commands[sys.argv[1]]()
