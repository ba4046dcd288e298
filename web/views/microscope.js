// The lesson "One step under the microscope": a network small enough that every number fits
// (2 -> 3 ReLU -> 3 on six radial points), its network diagram (network-diagram.js) with the step
// inspector's values drawn on it (shared/step-overlay.js), the step inspector (page/inspector.js),
// and the PyTorch script that prints the same tensors for its first step
// (shared/pytorch-export-snippet.js, from the normalized spec the worker answers with).
import { el } from '../page/dom.js';
import { Inspector } from '../page/inspector.js';
import { microscopeSnippet } from '../shared/pytorch-export-snippet.js';
import { overlayOf } from '../shared/step-overlay.js';
import { NetworkDiagram } from './network-diagram.js';

const CONTEXT = { loss: 'cross_entropy', task: 'classification', activation: 'relu' };

export class MicroscopeView {
  #data = null;
  #snippet;
  #host;
  #diagram;

  /** request(question): a request to the lesson's worker run; pause(): pauses the lesson's training. */
  constructor(host, { t, request, pause }) {
    this.#host = host;
    const k = (key) => t(`lesson.microscope.${key}`);
    const opener = el('button', { type: 'button', className: 'inspect-open primary' });
    const root = el('section', { className: 'inspector', id: 'inspector-lesson', hidden: true });
    opener.setAttribute('aria-controls', root.id);
    opener.setAttribute('aria-expanded', 'false');
    this.inspector = new Inspector(root, opener, {
      t, ask: (question) => request({ ...question, panel: 'model' }), pause,
      title: () => k('title'),
      context: () => ({ ...CONTEXT, label: (i) => this.#data?.y[i], trainSize: this.#data?.splitEnd[0] ?? 1 }),
      onTrace: ({ spec }) => this.#showSnippet(spec),
      onLine: (line, trace) => this.#diagram.setOverlay(line ? overlayOf(line, trace, CONTEXT) : null),
      plot: false,
    });
    this.#snippet = el('pre', { className: 'torch-print snippet', textContent: k('snippetLater') });
    const network = el('section', { className: 'card network-card' }, el('h3', {}, t('insideTitle')));
    host.replaceChildren(el('div', { className: 'view-microscope' },
      el('div', { className: 'micro-top' }, network, el('div', { className: 'micro-inspector' }, el('div', { className: 'inspect-bar' }, opener), root)),
      el('details', { className: 'card snippet-box' }, el('summary', {}, k('snippetTitle')), el('p', { className: 'hint' }, k('snippetHint')), this.#snippet)));
    this.#diagram = new NetworkDiagram(network, { t, onAll: () => {},
      onEdit: async (edit) => request({ what: 'setWeight', panel: 'model', ...edit }).then(() => null, (error) => error.message) });
    this.#diagram.setLabel(t('networkLabel', { model: k('title') }));
  }

  #showSnippet(spec) {
    if (!this.#snippet.dataset.ready) this.#snippet.textContent = microscopeSnippet(spec);
    this.#snippet.dataset.ready = 'true';
  }

  data(data) {
    this.#data = data;
  }

  frame({ trainers }) {
    if (trainers.model?.network) this.#diagram.update(trainers.model.network);
  }

  destroy() {
    this.#diagram.destroy();
    this.#host.replaceChildren();
  }
}
