#!/usr/bin/python3
"""Fits the rational tanh of engine/simd_math.h and checks it the way the engine computes it.

    /usr/bin/python3 scripts/fit_tanh.py

tanh(x) ~ x P(x^2) / Q(x^2), P and Q of degree 4 in t = x^2: a [9/8] rational. It is fitted with
P(0) = Q(0) = 1 (so a tiny x gives x itself), then both are divided by Q's leading coefficient, so
that Q's last Horner step is an addition (t + q3) instead of a multiply-add. The coefficients minimize the largest relative error on [0, 9] (Lawson's
iteratively reweighted least squares on the linearized error x P - tanh(x) Q, divided by the last
Q: Loeb's trick). They are then rounded to float, and the function is evaluated in float32 exactly
as the engine does (a multiply, then an add; no fused multiply-add) over every float in [0, 12] on
a fine grid and 2 million magnitudes from 1e-30 to 20, against tanh in double. Near 8 the float
evaluation wobbles by an ulp around 1 (0.99999994, 1.0, and from 8.0419 on sometimes 1.0000001).
The clamp is the last float before the first value over 1 that gives exactly 1.0f: no tanh is ever
above 1, and from the clamp on tanh is exactly 1, as PyTorch's is from 9.01 on. Needs numpy (Debian's python3-numpy, beside python3-torch).

Prints the coefficients for simd_math.h and the worst error in units in the last place.
"""

import numpy as np

F32 = np.float32
TERMS = 5  # coefficients of P and of Q, in t = x^2


def fit(span=9.0, rounds=400):
    x = np.unique(np.concatenate([np.linspace(1e-3, 1, 6000), np.linspace(1, span, 12000)]))
    t, f = x * x, np.tanh(x)
    weight, q_last, best = np.ones_like(x) / len(x), np.ones_like(x), None
    powers = np.arange(1, TERMS)
    for _ in range(rounds):
        # x (1 + p1 t + ...) - f (1 + q1 t + ...) = 0  ->  [x t^k, -f t^k] [p; q] = f - x
        a = np.concatenate([x[:, None] * t[:, None] ** powers, -f[:, None] * t[:, None] ** powers], axis=1)
        scale = np.sqrt(weight) / (f * q_last)
        solution, *_ = np.linalg.lstsq(a * scale[:, None], (f - x) * scale, rcond=None)
        p = np.concatenate([[1.0], solution[: TERMS - 1]])
        q = np.concatenate([[1.0], solution[TERMS - 1 :]])
        q_last = np.polyval(q[::-1], t)
        error = (x * np.polyval(p[::-1], t) / q_last - f) / f
        worst = np.abs(error).max()
        if best is None or worst < best[0]:
            best = (worst, p, q)
        weight = np.maximum(weight * np.abs(error), 1e-300)
        weight /= weight.sum()
    return best


def evaluate(p, q, clamp, xs):
    """The engine's float32 evaluation: clamp, t = x * x, Horner in t, then x * P / Q."""
    x = np.clip(xs.astype(F32), F32(-clamp), F32(clamp))
    t = x * x
    num = np.full_like(x, F32(p[-1]))
    for c in p[-2::-1]:
        num = t * num + F32(c)
    den = t + F32(q[-2])  # q[-1] is 1
    for c in q[-3::-1]:
        den = t * den + F32(c)
    return x * num / den


def main():
    worst_fit, p, q = fit()
    p, q = p / q[-1], q / q[-1]
    every = np.arange(F32(6).view(np.int32), F32(9).view(np.int32), dtype=np.int32).view(F32)  # each float in [6, 9)
    values = evaluate(p, q, 100.0, every)
    first_over = np.argmax(values > 1.0)
    clamp = every[:first_over][values[:first_over] == 1.0][-1]
    rng = np.random.default_rng(0)
    xs = np.concatenate([np.linspace(0, 12, 2000001, dtype=F32),
                         np.exp(rng.uniform(np.log(1e-30), np.log(20), 2000000)).astype(F32)])
    ours = evaluate(p, q, clamp, xs).astype(np.float64)
    exact = np.tanh(xs.astype(np.float64))
    ulps = np.abs(ours - exact) / np.spacing(np.abs(exact.astype(F32))).astype(np.float64)
    print(f"fit: largest relative error {worst_fit:.3g} in double")
    print("P:", ", ".join(f"{F32(c)!r}f" for c in p))
    print("Q:", ", ".join(f"{F32(c)!r}f" for c in q))
    print(f"clamp: {clamp!r}f  (the float evaluation reaches 1.0f there: {evaluate(p, q, 100.0, np.array([clamp]))[0]!r})")
    print(f"float32 evaluation: worst {ulps.max():.2f} ulp at x = {xs[np.argmax(ulps)]!r}, "
          f"mean {ulps.mean():.3f} ulp, worst absolute error {np.abs(ours - exact).max():.3g}")


if __name__ == "__main__":
    main()
