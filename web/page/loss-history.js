// A loss history that stays small however long the session: at most MAX_KEPT rows of
// [epoch, train loss, val loss]. Past that, every second row goes and from then on only every
// stride-th epoch is kept (the stride doubles each time the history fills up again); the first row
// and the latest always stay. The chart (charts.js) shows at most 800 points of it anyway.

export const MAX_KEPT = 12800;

/** The history: add(epoch, train, val) per epoch; columns() for the chart. */
export class History {
  #max;
  #columns = [[], [], []];
  #stride = 1;
  #latest = null;  // the newest row when the stride left it out

  constructor(max = MAX_KEPT) {
    this.#max = max;
  }

  get stride() { return this.#stride; }

  add(epoch, train, val) {
    const columns = this.#columns;
    if (columns[0].length > 0 && epoch % this.#stride !== 0) {
      this.#latest = [epoch, train, val];
      return;
    }
    this.#latest = null;
    columns[0].push(epoch);
    columns[1].push(train);
    columns[2].push(val);
    if (columns[0].length <= this.#max) return;
    this.#stride *= 2;
    const keep = columns[0].map((e, i) => i === 0 || e % this.#stride === 0);
    this.#columns = columns.map((column) => column.filter((_, i) => keep[i]));
  }

  /** The columns, the latest row included. */
  columns() {
    if (!this.#latest) return this.#columns;
    return this.#columns.map((column, i) => [...column, this.#latest[i]]);
  }
}

