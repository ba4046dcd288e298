// The lesson views' series colours, in a module of its own so the tests can read them without
// loading a chart. None is a class colour (palette.js's SERIES): the wine lesson shows classes and
// optimizers on one screen. An optimizer has the same colour in every lesson.
import { SERIES } from '../shared/palette.js';

export const OPTIMIZER_COLORS = { sgd: SERIES.ink, momentum: SERIES.crimson, adagrad: SERIES.green, adam: SERIES.magenta };
export const RACE_COLORS = OPTIMIZER_COLORS;
export const MODE_COLORS = { full: SERIES.ink, stochastic: SERIES.magenta, mini32: SERIES.crimson, mini64: SERIES.green, mini128: SERIES.grey };
export const WINE_COLORS = { adam: OPTIMIZER_COLORS.adam, sgd: OPTIMIZER_COLORS.sgd };
