// A playground's two panels (panel.js) wired to its run and its state: a click on a plot adds a
// drawn point or picks the step inspector's sample, the inspector asks the worker, a weight edited
// in the diagram goes to the worker, and what each strip shows inside its network is a run setting.
import { PanelView } from './panel.js';
import { nearestIndex } from '../shared/geometry.js';
import { MAX_DRAWN_POINTS, PANELS } from '../shared/state.js';

/**
 * The panels { a, b } under $(selector). run: the playground's Run; probe(point): the hover
 * readout; stateOf(): the state; dataOf(): the worker's data (null before); update(patch): a state
 * edit; pause(): stops playing.
 */
export function buildPanels({ $, run, t, probe, stateOf, dataOf, update, pause }) {
  let panels = null;  // a strip may ask for its view while the panels are built: it waits for the run's settings

  /** The step inspector of panel `name` (inspector.js): its worker requests, and what it needs to know. */
  const inspectOptions = (name) => ({
    ask: (question) => run.request({ ...question, panel: name }),
    pause,
    context: () => {
      const data = dataOf();
      const state = stateOf();
      return { loss: state.loss, task: data?.task ?? 'classification', activation: state[`${name}.activation`],
        label: (i) => data?.y[i], trainSize: data?.splitEnd[0] ?? 1 };
    },
  });

  /** A click on a plot: a new point when drawing, else (with the inspector open) the nearest training point is its sample. */
  const addPoint = ([x, y], panel) => {
    const state = stateOf();
    const inspector = panels[panel].inspector;
    if (state.data !== 'draw' && inspector.isOpen && dataOf()) return inspector.choose(nearestIndex(dataOf(), [x, y]));
    if (state.data !== 'draw' || state.points.length >= MAX_DRAWN_POINTS) return;
    update({ points: [...state.points, [Math.round(x * 100) / 100, Math.round(y * 100) / 100, state.drawClass]] });
  };

  /** A weight or bias edited in a panel's diagram: the model continues from it. Resolves to null or the error's message. */
  const editWeight = async (panel, edit) => {
    try {
      await run.request({ what: 'setWeight', panel, ...edit });
      return null;
    } catch (error) {
      return error.message;
    }
  };

  panels = Object.fromEntries(PANELS.map((name) => [name, new PanelView($(`[data-panel="${name}"]`),
    { onProbe: probe, onAdd: (p) => addPoint(p, name), t, inspect: inspectOptions(name),
      onView: () => panels && run.set({ view: insideView(panels) }),
      onEdit: (edit) => editWeight(name, edit) })]));
  return panels;
}

/** What each panel shows inside its network, for the worker to compute (worker/trainer-group.js's setView); {} before the panels exist. */
export function insideView(panels) {
  return panels ? Object.fromEntries(PANELS.map((name) => [name, panels[name].inside.view()])) : {};
}
