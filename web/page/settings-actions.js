// The settings' buttons that set no value of their own (controls.js's onAction): new data, new
// weights, an empty drawing, a link to the experiment. Each edits the state through `update`, as
// a control's edit does, so the state stays the single source of truth.

/**
 * Runs action `name` on `state`: update(patch) edits the state, linkOf(state) is the experiment's
 * URL, notify(text) shows a notice.
 */
export async function settingsAction(name, { state, update, linkOf, notify, t }) {
  if (name === 'regenerate' || name === 'reshuffle') update({ seed: (state.seed + 1) % 4294967296 });
  else if (name === 'newWeights') update({ wseed: newSeed(state) });
  else if (name === 'clearPoints') update({ points: [] });
  else if (name === 'copyLink') {
    const url = linkOf(state);
    try {
      await navigator.clipboard.writeText(url);
      notify(t('linkCopied'));
    } catch {
      notify(t('linkShown', { url }));
    }
  }
}

/** A new model.seed for "New weights": a random 32-bit seed other than the data's and the current one. */
function newSeed(state) {
  const draw = () => crypto.getRandomValues(new Uint32Array(1))[0];
  let seed = draw();
  while (seed === state.seed || seed === state.wseed) seed = draw();
  return seed;
}
