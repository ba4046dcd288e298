// <nn-playground>: the playground as a custom element, for course pages. One script tag loads it:
//
//   <script type="module" src="nnplay/nn-playground.js"></script>
//   <nn-playground spec='{"data": {"name": "xor"}, "model": {"hidden": [8]}}' panels="b chart"
//                  controls="toolbar" autoplay="false" language="ko" height="640px"></nn-playground>
//
// Attributes (all optional; docs/embedding.md):
//   spec      an experiment spec as JSON (docs/spec.md), or { "a": spec, "b": spec }
//   state     a page link's hash ("#data=xor&seed=3&..."), as "Copy link" gives it; spec applies after it
//   lesson    a lesson's id
//   panels    which parts show: a, b, legend, metrics, chart, confusion, readout, spec ("all" by default)
//   controls  which controls show: toolbar, share, lessons (the menu), challenges (their menu), data, training, model, takehome ("all"; "none")
//   autoplay  "false" to start paused
//   language  "en" or "ko" (default: the browser's language)
//   height    a CSS length (a number means px); the element scrolls inside it
//
// Each element has a shadow root (its ids and styles are its own) and its own engine worker. The
// element's methods: play(), pause(), step(n) -> metrics, setSpec(spec) -> ignored parts, metrics().
// It works under a strict CSP (script-src 'self' 'wasm-unsafe-eval'): no inline script or style.
import { Playground } from './page/playground.js';
import { detectLanguage } from './page/strings.js';
import { FIELD, parseValue } from './shared/state.js';
import { linkHash, stateFromLink } from './lessons/link.js';

const here = new URL('.', import.meta.url);
const STYLES = ['vendor/uPlot.min.css', 'style.css'];
const FALSE = ['false', '0', 'no', 'off'];

/** An attribute's list ("a b", "a,b") as the state table's text. */
const listText = (value) => value.trim().split(/[\s,]+/).filter(Boolean).join(',') || 'none';

/** The state the attributes but `spec` describe: { state, rejected: [names] } (the spec is the playground's to apply, within the engine's caps). */
function stateFromAttributes(el) {
  const attr = (name) => el.getAttribute(name);
  // The lesson attribute joins the link, which then reads as on the page (lessons/link.js): a short
  // lesson link, `lesson="features"` or `state="#lesson=features"`, gets the lesson's preset.
  const link = new URLSearchParams((attr('state') ?? '').replace(/^#/, ''));
  if (attr('lesson') !== null) link.set('lesson', attr('lesson'));
  const { state, rejected } = stateFromLink(`#${link}`, { lang: detectLanguage() });
  const set = (key, text, name) => {
    const value = parseValue(FIELD[key], text);
    if (value === undefined) rejected.push(name);
    else state[key] = value;
  };
  if (attr('panels') !== null) set('panels', listText(attr('panels')), 'panels');
  if (attr('controls') !== null) set('controls', listText(attr('controls')), 'controls');
  if (attr('language') !== null) set('lang', attr('language').toLowerCase().split('-')[0], 'language');
  if (attr('autoplay') !== null) state.autoplay = !FALSE.includes(attr('autoplay').toLowerCase());
  return { state, rejected };
}

export class NnPlaygroundElement extends HTMLElement {
  static observedAttributes = ['spec', 'state', 'lesson', 'panels', 'controls', 'autoplay', 'language', 'height'];
  #playground = null;

  connectedCallback() {
    this.#showHeight();
    if (this.#playground) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const links = STYLES.map((href) => Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL(href, here).href }));
    const root = Object.assign(document.createElement('div'), { className: 'nnplay' });
    shadow.replaceChildren(...links, root);
    const { state, rejected } = stateFromAttributes(this);
    this.#playground = new Playground({
      root,
      host: this,
      state,
      onState: (s) => this.dispatchEvent(new CustomEvent('nnplay-state', { detail: { hash: linkHash(s) } })),
      linkOf: (s) => new URL(`index.html${linkHash(s)}`, here).href,
    });
    this.#playground.start(rejected, { spec: this.getAttribute('spec') ?? undefined });
  }

  disconnectedCallback() {
    this.#playground?.close();
    this.#playground = null;
    delete this.dataset.ready;
  }

  attributeChangedCallback(name, before, after) {
    if (name === 'height') return this.#showHeight();
    if (!this.#playground || before === after) return;
    const attributes = stateFromAttributes(this);
    let { state } = attributes;
    const { rejected } = attributes;
    const spec = this.getAttribute('spec');
    if (spec !== null) {
      try {
        const result = this.#playground.stateOfSpec(spec, state);
        state = result.state;
        rejected.push(...result.ignored.map((part) => `spec.${part}`));
      } catch (error) {
        rejected.push(`spec (${error.message})`);
      }
    }
    this.#playground.update(state);
    if (rejected.length) this.#playground.notify(this.#playground.t('hashRejected', { keys: rejected.join(', ') }));
  }

  #showHeight() {
    const height = this.getAttribute('height');
    const ok = height !== null && /^\d+(\.\d+)?(px|em|rem|vh|%)?$/.test(height.trim());
    this.style.height = ok ? (/^[\d.]+$/.test(height.trim()) ? `${height.trim()}px` : height.trim()) : '';
  }

  play() { this.#playground?.play(); }
  pause() { this.#playground?.pause(); }
  /** Pauses and trains n epochs; resolves to the metrics after them. */
  step(n = 1) { return this.#playground?.step(n); }
  /** Sets an experiment spec; returns the names of the parts the page cannot show. */
  setSpec(spec) { return this.#playground?.setSpec(spec); }
  /** Each model's epoch, status, and loss and accuracy per split. */
  metrics() { return this.#playground?.metrics(); }
}

if (!customElements.get('nn-playground')) customElements.define('nn-playground', NnPlaygroundElement);
