// The playground page (index.html): one playground in the document, its state in the URL hash.
// A link holds the whole state (the experiment, or a lesson with its own settings; the view and the
// language: lessons/link.js), so opening it reproduces the run; a bad or hostile hash falls back to defaults with a notice (state.js only
// ever parses values from it, and everything shown is set as text). Without `lang` in the hash
// the language is the browser's.
import { Playground } from './page/playground.js';
import { installOffline } from './page/offline-install.js';
import { applyStrings, detectLanguage, setLanguage, t } from './page/strings.js';
import { linkHash, patchOfLink, stateFromLink, unknownLinkKeys } from './lessons/link.js';

/** The state of the hash (lessons/link.js: a short lesson link gets its lesson's preset, a lesson its own state). */
const fromHash = () => stateFromLink(location.hash, { lang: detectLanguage() });

/** The page's own text (title, tagline, footer) in the state's language. */
function showPage(state) {
  setLanguage(state.lang);
  for (const el of document.querySelectorAll('.page-head, .page-foot')) applyStrings(el, t);
  document.title = t('title');
}

const initial = fromHash();
// Opening another lesson from the page adds a history entry, so Back returns to the last one.
const nav = { shownLesson: initial.state.lesson, followingLink: false };
const playground = new Playground({
  root: document.querySelector('#playground'),
  host: document.body,
  state: initial.state,
  onState: (state) => {
    if (state.lesson !== nav.shownLesson && !nav.followingLink) history.pushState(null, '', linkHash(state));
    else history.replaceState(null, '', linkHash(state));
    nav.shownLesson = state.lesson;
    showPage(state);
  },
  linkOf: () => location.href,
});

window.addEventListener('hashchange', () => {
  const parsed = fromHash();
  const unknown = unknownLinkKeys(location.hash);
  nav.followingLink = true;
  playground.update(patchOfLink(location.hash, parsed.state));
  nav.followingLink = false;
  if (parsed.rejected.length) playground.notify(playground.t('hashRejected', { keys: parsed.rejected.join(', ') }));
  if (unknown.length) playground.notify(playground.t('hashMalformed'));
});

showPage(initial.state);
const unknown = unknownLinkKeys(location.hash);  // before start() writes the clean hash
playground.start(initial.rejected);
if (unknown.length) playground.notify(playground.t('hashMalformed'));
// Kept for use with no network after this visit (sw.js); a new deploy that takes over is offered as a reload.
installOffline({ onUpdate: () => playground.notify(playground.t('updateReady')) });
