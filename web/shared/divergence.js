// Where a run's loss blew up, from its epoch records (the JS API's train() records: { epoch,
// train: { loss } }), for the divergence coach (page/coach.js). It keeps three rows, not the
// history: the lowest loss, the latest finite one and the largest rise from one epoch to the next,
// k = loss(e) / loss(e - 1), the "jump" the coach names. Pure: no DOM.

export class LossWatch {
  #low = null;   // { epoch, loss }: the lowest finite loss so far
  #last = null;  // { epoch, loss }: the latest finite loss
  #jump = null;  // { epoch, from, to, k }: the largest one-epoch rise

  /** Adds epoch records, in order. */
  add(records) {
    for (const r of records) {
      const loss = r.train?.loss;
      if (!Number.isFinite(loss)) continue;
      const last = this.#last;
      if (last && last.loss > 0 && loss > last.loss && r.epoch === last.epoch + 1) {
        const k = loss / last.loss;
        if (!this.#jump || k > this.#jump.k) this.#jump = { epoch: r.epoch, from: last.loss, to: loss, k };
      }
      if (!this.#low || loss < this.#low.loss) this.#low = { epoch: r.epoch, loss };
      this.#last = { epoch: r.epoch, loss };
    }
  }

  /** Forgets everything (training starts again). */
  clear() {
    this.#low = this.#last = this.#jump = null;
  }

  /** { low, last, jump }: each null until seen. */
  summary() {
    return { low: this.#low, last: this.#last, jump: this.#jump };
  }
}

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** A number for a sentence: 3 significant digits, and 6.6·10¹⁸ past 10 000 (a loss that blew up spans many orders). */
export function compactNumber(v) {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) < 1e4) return String(Number(v.toPrecision(3)));
  const [mantissa, exponent] = v.toExponential(1).split('e');
  return `${mantissa}·10${[...String(Number(exponent))].map((c) => SUPERSCRIPT[c]).join('')}`;
}

/** The learning rate ten times lower, to 6 significant digits (0.3 / 10 is 0.03, not 0.030000000000000002). */
export const lowerTenfold = (lr) => Number((lr / 10).toPrecision(6));
