// The take-home box: what a learner carries over to PyTorch. For the model chosen (left or right):
// the experiment as a PyTorch script, its weights as JSON in PyTorch's state_dict layout, and
// weights loaded back from such a file. For the data: the dataset as CSV (x1,...,label,split) and a
// CSV dataset imported (two features give the 2-D view; more train without it). Files are read
// and written in the browser; nothing is sent anywhere. Every text is set as text.
import { CSV_LINK_CHARS } from '../shared/state.js';
import { base64urlFromText } from '../shared/base64url.js';
import { prepareCsv } from './csv-file.js';
import { el } from './dom.js';
import { engineMessage } from './engine-messages.js';

/** An element whose text is the string `key`, filled (and re-labelled) by applyStrings. */
function labelled(tag, key, props = {}) {
  const element = el(tag, props);
  element.dataset.i18n = key;
  return element;
}

/** Saves text as a file through a temporary blob: link. */
function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export class TakeHome {
  #box;
  #client;
  #playground;
  #t;
  #choices;
  #error;

  constructor(box, { client, playground, t }) {
    this.#box = box;
    this.#client = client;
    this.#playground = playground;
    this.#t = t;
    const name = `takehome-${Math.random().toString(36).slice(2)}`;
    this.#choices = ['a', 'b'].map((panel) => {
      const input = el('input', { type: 'radio', name, value: panel, checked: panel === 'b' });
      return { panel, input, label: el('label', { className: 'choice' }, input, el('span')) };
    });
    const weightsFile = el('input', { type: 'file', accept: '.json,application/json', hidden: true, className: 'weights-file' });
    const csvFile = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', hidden: true, className: 'csv-file' });
    const button = (key, onClick, titleKey) => {
      const b = labelled('button', key, { type: 'button', className: `secondary ${key}` });
      if (titleKey) b.dataset.i18nTitle = titleKey;
      b.addEventListener('click', onClick);
      return b;
    };
    this.#error = el('p', { className: 'error', hidden: true });
    this.#error.setAttribute('role', 'alert');
    box.append(
      el('fieldset', { className: 'radios' }, labelled('legend', 'takeHomeModel'), ...this.#choices.map((c) => c.label)),
      el('div', { className: 'buttons' }, button('exportPyTorch', () => this.#exportPyTorch(), 'exportPyTorchHint'),
        button('exportWeights', () => this.#exportWeights(), 'exportWeightsHint'),
        button('importWeights', () => weightsFile.click())),
      el('div', { className: 'buttons' }, button('exportCsv', () => this.#exportCsv()),
        button('importCsv', () => csvFile.click())),
      labelled('p', 'csvHint', { className: 'hint' }),
      this.#error, weightsFile, csvFile);
    weightsFile.addEventListener('change', () => this.#importWeights(weightsFile));
    csvFile.addEventListener('change', () => this.#importCsv(csvFile));
  }

  get #panel() {
    return this.#choices.find((c) => c.input.checked).panel;
  }

  /** The model names next to the choices, after a change of model or language. */
  render() {
    for (const { panel, label } of this.#choices)
      label.lastChild.textContent = `${this.#t(`panel_${panel}`)}: ${this.#playground.panelTitle(panel)}`;
  }

  #fail(text) {
    this.#error.textContent = text;
    this.#error.hidden = false;
    this.#playground.notify(text);
  }

  #ok(text) {
    this.#error.hidden = true;
    if (text) this.#playground.notify(text);
  }

  #baseName() {
    const { data, seed } = this.#playground.state;
    return `nnplay-${data}-seed${seed}`;
  }

  async #ask(question) {
    try {
      return await this.#client.request(question);
    } catch (error) {
      this.#fail(this.#t('exportFailed', { message: error.message }));
      return null;
    }
  }

  async #exportPyTorch() {
    const panel = this.#panel;
    const script = await this.#ask({ what: 'pytorch', panel, title: `nnplay ${this.#playground.panelTitle(panel)}` });
    if (script !== null) download(script, `${this.#baseName()}-${panel}.py`, 'text/x-python');
  }

  async #exportWeights() {
    const panel = this.#panel;
    const weights = await this.#ask({ what: 'weights', panel });
    if (weights !== null) download(`${JSON.stringify(weights)}\n`, `${this.#baseName()}-${panel}-weights.json`, 'application/json');
  }

  async #exportCsv() {
    const csv = await this.#ask({ what: 'csv', panel: this.#panel });
    if (csv !== null) download(csv, `${this.#baseName()}.csv`, 'text/csv');
  }

  async #read(input, limit) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return null;
    if (file.size > limit) {  // refused before it is read: the engine's cap (its rules' limits)
      this.#fail(this.#t('fileTooLarge', { file: file.name, size: file.size, limit }));
      return null;
    }
    try {
      return { name: file.name, text: await file.text() };
    } catch {
      this.#fail(this.#t('fileUnreadable', { file: file.name }));
      return null;
    }
  }

  async #importWeights(input) {
    const file = await this.#read(input, this.#playground.rules.limits.weightsBytes);
    if (!file) return;
    const panel = this.#panel;
    const model = this.#playground.panelTitle(panel);
    try {
      // As text: the worker parses it, and the engine checks its depth and size (a deep object would not even cross to it).
      await this.#client.request({ what: 'setWeights', panel, weights: file.text });
      this.#ok(this.#t('weightsImported', { model, file: file.name }));
    } catch (error) {
      this.#fail(this.#t('weightsError', { model, file: file.name, message: error.message }));
    }
  }

  /**
   * The engine's reading of a CSV: as class labels, or, when its last column is no class label
   * (a real number), as regression targets. Throws the first reading's error when neither reads.
   */
  async #readCsv(text) {
    try {
      return { shape: await this.#client.request({ what: 'checkCsv', data: { name: 'csv', text } }), task: 'classification' };
    } catch (error) {
      const regression = await this.#client.request({ what: 'checkCsv', data: { name: 'csv', text, task: 'regression' } }).catch(() => null);
      if (!regression) throw error;
      return { shape: regression, task: 'regression' };
    }
  }

  async #importCsv(input) {
    const file = await this.#read(input, this.#playground.rules.limits.csvBytes);
    if (!file) return;
    try {
      const text = prepareCsv(file.text);
      const { shape, task } = await this.#readCsv(text);
      this.#ok();
      this.#playground.update({ data: 'csv', csv: text, task, csvAll: false });
      const shown = { file: file.name, n: shape.size, features: shape.features, classes: shape.classes };
      this.#playground.notify(this.#t(task === 'regression' ? 'csvLoadedRegression' : 'csvLoaded', shown));
      const linkChars = base64urlFromText(text).length;
      if (linkChars > CSV_LINK_CHARS) this.#playground.notify(this.#t('csvNotInLink', { size: Math.round(linkChars / 1024) }));
    } catch (error) {
      this.#fail(this.#t('csvError', { file: file.name, message: engineMessage(this.#t, error.message) }));
    }
  }
}
