// The lesson views' series colours (Okabe-Ito, as palette.js, plus near-black), in a module of
// its own so the tests can read them without loading a chart.
export const RACE_COLORS = { sgd: '#1d1d28', momentum: '#d55e00', adagrad: '#009e73', adam: '#cc79a7' };
export const MODE_COLORS = { full: '#1d1d28', stochastic: '#d55e00', mini32: '#0072b2', mini64: '#009e73', mini128: '#cc79a7' };
export const WINE_COLORS = { adam: '#0072b2', sgd: '#d55e00' };
