#!/usr/bin/python3
"""Regenerate tests/golden/NAME.json from tests/golden/specs/NAME.json with the PyTorch reference.

    /usr/bin/python3 scripts/make_goldens.py [NAME ...]     # all specs when no name is given

Each golden file is {"spec": the spec, "lines": every JSON line of `run --weights`, "data": the
dataset as the model sees it (x, y, split; only when n <= 2000)}. Needs Debian's python3-torch
(PyTorch 1.13) and numpy, which is why it runs with /usr/bin/python3.
"""

import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_reference as ref  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
GOLDEN = os.path.join(ROOT, "tests", "golden")
SPECS = os.path.join(GOLDEN, "specs")
MAX_DATA_ROWS = 2000


def golden(spec_path):
    with open(spec_path) as f:
        raw = json.load(f)
    spec = ref.parse_spec(raw, os.path.dirname(spec_path))
    out = io.StringIO()
    ref.run(spec, show_weights=True, out=out)
    result = {"spec": raw, "lines": [json.loads(line) for line in out.getvalue().splitlines()]}
    x, y, split, _ = ref.make_dataset(spec["data"], spec["seed"])
    if len(y) <= MAX_DATA_ROWS:
        labels = ref.f32_list(y) if spec["task"] == "regression" else y.tolist()  # real targets, or labels
        result["data"] = {"x": ref.f32_rows(x), "y": labels, "split": split.tolist()}
    return result


def write(path, result):
    """One line per top-level item of the lists, so a diff shows which line changed."""
    def block(items):
        return "[\n" + ",\n".join("    " + json.dumps(v) for v in items) + "\n  ]"
    parts = [f'  "spec": {json.dumps(result["spec"])}', f'  "lines": {block(result["lines"])}']
    if "data" in result:
        d = result["data"]
        parts.append('  "data": {\n' + ",\n".join(f'   {json.dumps(k)}: {json.dumps(d[k])}' for k in ("x", "y", "split"))
                     + "\n  }")
    with open(path, "w") as f:
        f.write("{\n" + ",\n".join(parts) + "\n}\n")


def main(names):
    if not names:
        names = sorted(p[:-5] for p in os.listdir(SPECS) if p.endswith(".json"))
    for name in names:
        result = golden(os.path.join(SPECS, name + ".json"))
        path = os.path.join(GOLDEN, name + ".json")
        write(path, result)
        final = result["lines"][-1]
        print(f"{name}: {len(result['lines'])} lines, {final['status']}, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
