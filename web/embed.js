// embed.html: the playground alone, for an iframe in a course page or a learning-management
// system. Its URL hash is the page's (state.js), so embed.html#data=xor&controls=toolbar&panels=b
// shows the right-hand model on XOR with only the toolbar; the parent page drives it through the
// postMessage API (message-api.js). "Copy link" gives the full page (index.html) with this state.
import { Playground } from './page/playground.js';
import { listenToParent, parentOrigins } from './page/message-api.js';
import { detectLanguage } from './page/strings.js';
import { hashFromState, hashKeys, stateFromHash, unknownHashKeys } from './shared/state.js';
import { withChallengeSetup } from './shared/challenges.js';

/** The state of the hash; a short challenge link (#challenge=spiral-8) gets its setup. */
function fromHash() {
  const parsed = stateFromHash(location.hash, { lang: detectLanguage() });
  return { ...parsed, state: withChallengeSetup(parsed.state, hashKeys(location.hash)) };
}
const initial = fromHash();
const playground = new Playground({
  root: document.querySelector('#playground'),
  host: document.body,
  state: initial.state,
  onState: (state) => {
    history.replaceState(null, '', hashFromState(state));
    document.documentElement.lang = state.lang;
  },
  linkOf: (state) => new URL(`index.html${hashFromState(state)}`, location.href).href,
});

window.addEventListener('hashchange', () => {
  const parsed = fromHash();
  playground.update(parsed.state);
  if (parsed.rejected.length) playground.notify(playground.t('hashRejected', { keys: parsed.rejected.join(', ') }));
});

listenToParent(playground, document.body, parentOrigins(document));
const unknown = unknownHashKeys(location.hash);  // before start() writes the clean hash
playground.start(initial.rejected);
if (unknown.length) playground.notify(playground.t('hashMalformed'));
