// embed.html: the playground alone, for an iframe in a course page or a learning-management
// system. Its URL hash is the page's (state.js), so embed.html#data=xor&controls=toolbar&panels=b
// shows the right-hand model on XOR with only the toolbar; the parent page drives it through the
// postMessage API (message-api.js). "Copy link" gives the full page (index.html) with this state.
import { Playground } from './page/playground.js';
import { installOffline } from './page/offline-install.js';
import { listenToParent, parentOrigins } from './page/message-api.js';
import { detectLanguage } from './page/strings.js';
import { linkHash, patchOfLink, stateFromLink, unknownLinkKeys } from './lessons/link.js';

/** As on the page (lessons/link.js): a short lesson link (#lesson=features) gets its lesson's preset. */
const fromHash = () => stateFromLink(location.hash, { lang: detectLanguage() });
const initial = fromHash();
const playground = new Playground({
  root: document.querySelector('#playground'),
  host: document.body,
  state: initial.state,
  onState: (state) => {
    history.replaceState(null, '', linkHash(state));
    document.documentElement.lang = state.lang;
  },
  linkOf: (state) => new URL(`index.html${linkHash(state)}`, location.href).href,
});

window.addEventListener('hashchange', () => {
  const parsed = fromHash();
  playground.update(patchOfLink(location.hash, parsed.state));
  if (parsed.rejected.length) playground.notify(playground.t('hashRejected', { keys: parsed.rejected.join(', ') }));
});

listenToParent(playground, document.body, parentOrigins(document));
const unknown = unknownLinkKeys(location.hash);  // before start() writes the clean hash
playground.start(initial.rejected);
if (unknown.length) playground.notify(playground.t('hashMalformed'));
// Kept for use with no network after this visit (sw.js); a new deploy that takes over is offered as a reload.
installOffline({ onUpdate: () => playground.notify(playground.t('updateReady')) });
