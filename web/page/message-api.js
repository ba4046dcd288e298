// The postMessage API of an embedded playground (embed.html in an iframe). The embedding page
// sends { nnplay: 1, id, type, ... } to the iframe's window; each message gets a reply
// { nnplay: 1, id, type, ok, ... } (or { ok: false, error }). Types:
//
//   setSpec  { spec }   an experiment spec (docs/spec.md; object or JSON text) or { a, b } specs;
//                       the reply's `ignored` names the parts the page cannot show
//   play, pause
//   step     { epochs } pauses and trains that many epochs (default 1); the reply has the metrics
//   getMetrics          { metrics: { a, b } }: epoch, step, status and loss/accuracy per split
//   getState            { hash, specs }: the state as the page's URL hash, and the specs trained
//   getGoal             { goal }: the challenge's goal and progress (as below), or null without one
//
// When the playground has drawn its first frame, it sends { nnplay: 1, type: 'ready' } to the
// parent. With a challenge (docs/teaching.md) it sends { nnplay: 1, type: 'nnplay:goal', id, goal,
// status: 'pending' | 'reached' | 'over' | 'error', reached, step, steps, epoch, value, target }
// once training is measured and whenever that status or step changes (the goal reached, at `epoch`). Only the parent window is listened to; the messages only ever set values that the
// state table checks (state.js), so a message cannot make the page run anything.
//
// Parent origins (opt-in, docs/embedding.md): the site that serves embed.html may list the origins
// of the pages allowed to drive it and read its state, in embed.html's
// <meta name="nnplay-parent-origins" content="https://course.example.org https://lms.example.edu">.
// With a list, a message from any other origin is ignored (no answer), and 'ready' goes only to
// the listed origins; without one (or an empty one), any parent may, as before.
import { linkHash } from '../lessons/link.js';

const STEP_TIMEOUT_MS = 60000;
const MAX_STEP_EPOCHS = 100000;

/** The promise's value, or a rejection after `ms`; the timer is cleared as soon as either comes. */
function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out')), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const HANDLERS = {
  setSpec: (pg, msg) => ({ ignored: pg.setSpec(msg.spec) }),
  play: (pg) => (pg.play(), {}),
  pause: (pg) => (pg.pause(), {}),
  step: async (pg, msg) => {
    const epochs = msg.epochs === undefined ? 1 : Number(msg.epochs);
    if (!Number.isInteger(epochs) || epochs < 1 || epochs > MAX_STEP_EPOCHS) throw new Error(`epochs: expected an integer 1 .. ${MAX_STEP_EPOCHS}`);
    return { metrics: await withTimeout(pg.step(epochs), STEP_TIMEOUT_MS) };
  },
  getMetrics: (pg) => ({ metrics: pg.metrics() }),
  getState: (pg) => ({ hash: linkHash(pg.state), specs: pg.specs() }),  // the link's hash, as Copy link gives it
  getGoal: (pg) => ({ goal: pg.goal() }),
};

/** The allowed parent origins a document lists (see above), or null when it lists none: any parent. */
export function parentOrigins(doc) {
  const content = doc.querySelector('meta[name="nnplay-parent-origins"]')?.getAttribute('content') ?? '';
  const origins = content.split(/[\s,]+/).filter(Boolean).map((o) => {
    try {
      return new URL(o).origin;
    } catch {
      return null;  // not an origin: allows nothing
    }
  }).filter((o) => o !== null && o !== 'null');
  return content.trim() === '' ? null : origins;
}

/**
 * Answers the parent window's messages for `playground`; `host` gets data-ready when the first
 * frame is drawn. origins: the allowed parent origins (parentOrigins), or null for any.
 */
export function listenToParent(playground, host, origins = null) {
  const parent = window.parent;
  if (parent === window) return;
  window.addEventListener('message', async (event) => {
    const msg = event.data;
    if (event.source !== parent || (origins && !origins.includes(event.origin))) return;
    if (!msg || typeof msg !== 'object' || msg.nnplay !== 1 || typeof msg.type !== 'string') return;
    const reply = (body) => parent.postMessage({ nnplay: 1, id: msg.id, type: msg.type, ...body }, event.origin === 'null' ? '*' : event.origin);
    if (!Object.hasOwn(HANDLERS, msg.type)) return reply({ ok: false, error: `unknown message type "${msg.type.slice(0, 40)}"` });
    try {
      reply({ ok: true, ...(await HANDLERS[msg.type](playground, msg)) });
    } catch (error) {
      reply({ ok: false, error: String(error?.message ?? error) });
    }
  });
  const tell = (message) => {
    for (const origin of origins ?? ['*']) parent.postMessage({ nnplay: 1, ...message }, origin);
  };
  host.addEventListener('nnplay-frame', () => tell({ type: 'ready' }), { once: true });
  host.addEventListener('nnplay-goal', (event) => tell({ ...event.detail, type: 'nnplay:goal' }));
}
