// How fine one model's pictures in a frame may be: the decision grid's side and the network
// diagram's unit-map side, each chosen so that its part of the frame costs at most about
// PART_BUDGET_MS. A reset or a pause waits for the part under way (session.js computes a frame in
// parts with message reads between them), so a part's cost bounds how soon the page is obeyed.
// A 2-200-3 model keeps the full 100 x 100 grid and 24 x 24 maps; 8 x 1024 units (a 100 x 100
// grid would be 7 x 10^10 multiply-adds, 20 s) gets an 8 x 8 grid and no maps. Runs in the worker.
//
// Cost per cell: before anything is measured, an estimate from the model's size at a
// conservative speed; then the measured ms per cell of the model's last grid (and of its last
// maps), smoothed like trainer-group.js's ms per update. Maps not measured yet are estimated at
// the speed the model's grid showed.

export const GRID_SIDES = [100, 72, 50, 36, 24, 16, 12, 8];
export const MAP_SIDES = [24, 16, 12, 8];
export const PART_BUDGET_MS = 40;
// Multiply-adds per ms assumed before a model's grid is measured: about a third of what the
// WebAssembly engine does on 1024-unit layers on a 2-core laptop, so the first frame stays in budget.
export const ESTIMATE_MACS_PER_MS = 1e6;
// A side in use stays until its cost passes STAY x the budget; a larger side is taken only when
// it fits the budget itself. The ladder's rungs are about 2x apart in cells, so the band between
// is wider than a rung: a cost near a boundary does not make the side flicker between frames.
const STAY = 1.5;
const SMOOTH = 0.3;  // weight of the newest measurement

/**
 * The side (of `sides`, largest first) for a part that costs `msPerCell` per cell, given the side
 * in use (`current`: a side, null for none, undefined before the first frame). Returns null when
 * even the smallest side is over budget (the caller sends no maps, or uses the smallest grid).
 */
export function sideFor(sides, msPerCell, budgetMs, current) {
  const cost = (side) => side * side * msPerCell;
  const fits = sides.find((side) => cost(side) <= budgetMs) ?? null;
  if (current === undefined) return fits;
  if (fits !== null && (current === null || fits > current)) return fits;
  if (current !== null && cost(current) <= STAY * budgetMs) return current;
  return fits;
}

/** One part's side, from its measured (or estimated) ms per cell. */
class PartSide {
  #sides;
  msPerCell;
  measured = false;
  side;

  constructor(sides, msPerCell) {
    this.#sides = sides;
    this.msPerCell = msPerCell;
    this.side = sideFor(sides, msPerCell, PART_BUDGET_MS);
  }

  /** A new estimate (not a measurement of this part): taken only while nothing was measured. */
  estimate(msPerCell) {
    if (this.measured) return;
    this.msPerCell = msPerCell;
    this.side = sideFor(this.#sides, msPerCell, PART_BUDGET_MS, this.side);
  }

  /** This part took `ms` at `side`: the side for the next frame follows. */
  took(side, ms) {
    const perCell = ms / (side * side);
    this.msPerCell = this.measured ? (1 - SMOOTH) * this.msPerCell + SMOOTH * perCell : perCell;
    this.measured = true;
    this.side = sideFor(this.#sides, this.msPerCell, PART_BUDGET_MS, this.side);
  }
}

/** The grid's and the maps' sides for one model. */
export class FrameBudget {
  #gridWork;
  #mapWork;
  #grid;
  #maps;

  /**
   * parameters: the trainer's parameterCount; hiddenLayers: how many. A grid cell is one forward
   * pass (about one multiply-add per weight); the maps of every layer L are forward passes up to L,
   * about (H + 2) / 2 whole ones.
   */
  constructor({ parameters, hiddenLayers }) {
    this.#gridWork = Math.max(1, parameters);
    this.#mapWork = this.#gridWork * (hiddenLayers + 2) / 2;
    this.#grid = new PartSide(GRID_SIDES, this.#gridWork / ESTIMATE_MACS_PER_MS);
    this.#maps = new PartSide(MAP_SIDES, this.#mapWork / ESTIMATE_MACS_PER_MS);
  }

  /** The decision grid's side for the next frame (never none: the smallest at worst). */
  get gridSide() {
    return this.#grid.side ?? GRID_SIDES.at(-1);
  }

  /** The unit maps' side for the next frame, or null: none, even the smallest is over budget. */
  get mapSide() {
    return this.#maps.side;
  }

  gridTook(side, ms) {
    this.#grid.took(side, ms);
    this.#maps.estimate(this.#mapWork * this.#grid.msPerCell / this.#gridWork);
  }

  mapsTook(side, ms) {
    this.#maps.took(side, ms);
  }
}
