// The course page's buttons: they drive the iframe (embed.html) through nnplay's postMessage API
// (docs/embedding.md). Each message has an id; the iframe answers with the same id.
const frame = document.querySelector('#embed');
const log = document.querySelector('#log');
const pending = new Map();
let nextId = 0;

/** Sends { type, ...fields } to the embedded playground; resolves to its reply. */
export function ask(type, fields = {}) {
  const id = ++nextId;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    frame.contentWindow.postMessage({ nnplay: 1, id, type, ...fields }, new URL(frame.src).origin);
  });
}

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.data?.nnplay !== 1) return;
  if (event.data.type === 'ready') document.body.dataset.embedReady = 'true';
  pending.get(event.data.id)?.(event.data);
  pending.delete(event.data.id);
});

const show = (reply) => { log.textContent = JSON.stringify(reply, null, 1); };
const on = (id, action) => document.querySelector(id).addEventListener('click', async () => show(await action()));
on('#circle', () => ask('setSpec', { spec: { data: { name: 'circle', noise: 0.1 }, model: { hidden: [8, 8], activation: 'tanh' },
  optimizer: { name: 'adam', lr: 0.01 } } }));
on('#play', () => ask('play'));
on('#pause', () => ask('pause'));
on('#step', () => ask('step', { epochs: 10 }));
on('#metrics', () => ask('getMetrics'));
window.nnplayAsk = ask;  // for the browser test: the same function the buttons use
