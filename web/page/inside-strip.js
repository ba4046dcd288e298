// A panel's strip "Inside the network", right under its plot: a collapsible box with two tabs, the
// network diagram (views/network-diagram.js) and, for a model with hidden layers, the hidden-space
// view (views/hidden-space.js). It tells the run what to compute (onView: what is open, which
// layer the "+N more" grid shows, which hidden layer and axes), forwards weight edits and lights
// up, on the panel's plot, where the neuron hovered is active.
import { el } from './dom.js';
import { NetworkDiagram } from '../views/network-diagram.js';
import { HiddenSpaceView } from '../views/hidden-space.js';

const TABS = ['network', 'hidden'];

export class InsideStrip {
  #t;
  #onView;
  #details;
  #tabs = {};
  #pages = {};
  #tab = 'network';
  #all = null;
  #hasHidden = true;
  #row;
  diagram;
  hiddenSpace;

  /**
   * host: where the strip goes; detailHost: where the diagram's detail card goes; onView(): what it shows changed (read view());
   * onEdit(edit): a weight edit, resolves to null or an error message; onHighlight(unit | null).
   */
  constructor(host, { t, onView, onEdit, onHighlight, detailHost }) {
    this.#t = t;
    this.#onView = () => {};  // set up first, then tell the owner
    const summary = el('summary', {});
    const tablist = el('div', { className: 'inside-tabs' });
    tablist.setAttribute('role', 'tablist');
    this.#details = el('details', { className: 'inside', open: true }, summary, tablist);
    for (const name of TABS) {
      const tab = el('button', { type: 'button', className: 'inside-tab' });
      tab.setAttribute('role', 'tab');
      tab.dataset.tab = name;
      tab.addEventListener('click', () => this.#select(name));
      tablist.append(tab);
      this.#tabs[name] = tab;
      const page = el('div', { className: `inside-page inside-${name}` });
      page.setAttribute('role', 'tabpanel');
      this.#details.append(page);
      this.#pages[name] = page;
    }
    tablist.addEventListener('keydown', (event) => {
      const shown = TABS.filter((n) => !this.#tabs[n].hidden);
      const i = shown.indexOf(this.#tab);
      const next = { ArrowRight: shown[(i + 1) % shown.length], ArrowLeft: shown[(i + shown.length - 1) % shown.length] }[event.key];
      if (!next) return;
      event.preventDefault();
      this.#select(next);
      this.#tabs[next].focus();
    });
    this.#details.addEventListener('toggle', () => this.#select(this.#tab));
    this.diagram = new NetworkDiagram(this.#pages.network, { t, onEdit, onHighlight, detailHost,
      onAll: (layer) => {
        this.#all = layer;
        onView();
      } });
    this.hiddenSpace = new HiddenSpaceView(this.#pages.hidden, { t, onChoose: () => onView() });
    host.append(this.#details);
    this.#row = host.closest('.plot-row');  // wide screens give the hidden space half the row
    this.relabel();
    this.#select('network');
    this.#onView = onView;
  }

  relabel() {
    const t = this.#t;
    this.#details.querySelector('summary').textContent = t('insideTitle');
    this.#tabs.network.textContent = t('insideNetwork');
    this.#tabs.hidden.textContent = t('insideHidden');
    this.#details.querySelector('.inside-tabs').setAttribute('aria-label', t('insideTitle'));
    this.diagram.relabel();
    this.hiddenSpace.relabel();
  }

  #select(name) {
    this.#tab = name;
    for (const n of TABS) {
      this.#tabs[n].setAttribute('aria-selected', String(n === name));
      this.#tabs[n].tabIndex = n === name ? 0 : -1;
      this.#pages[n].hidden = n !== name;
    }
    this.#row?.classList.toggle('hidden-space-open', name === 'hidden' && this.#details.open);
    this.#onView();
  }

  /** The model's name for the diagram's accessible name, and whether it has hidden layers (else no hidden space). */
  describe(title, hasHidden) {
    this.diagram.setLabel(this.#t('networkLabel', { model: title }));
    this.#hasHidden = hasHidden;
    this.#tabs.hidden.hidden = !hasHidden;
    if (!hasHidden && this.#tab === 'hidden') this.#select('network');
  }

  /** What the worker computes for this panel (trainer-group.js's setView). */
  view() {
    const open = this.#details.open;
    return {
      network: open && this.#tab === 'network',
      all: this.#all,
      hiddenSpace: open && this.#tab === 'hidden' && this.#hasHidden ? this.hiddenSpace.choice : false,
    };
  }

  /** A frame's part for this model: its diagram and hidden space, when they came. */
  show(model) {
    if (model.network) this.diagram.update(model.network);
    if (model.hiddenSpace) this.hiddenSpace.update(model.hiddenSpace);
  }
}
