// The playground's two ways of telling the learner something: the banner, which stays until the
// settings change (a spec error, a diverged model, an engine that keeps failing), and the notices,
// short lines that fade after NOTICE_MS, at most NOTICES_SHOWN at a time. Runs on the page.
import { el } from './dom.js';

const NOTICE_MS = 6000;
const NOTICES_SHOWN = 3;

export class Messages {
  #$;

  /** $(selector): the playground's lookup under its root (#banner, #banner-text, #banner-help, #notice). */
  constructor($) {
    this.#$ = $;
  }

  showBanner(text, withHelp) {
    this.#$('#banner-text').textContent = text;
    this.#$('#banner-help').hidden = !withHelp;
    this.#$('#banner').hidden = false;
  }

  hideBanner() {
    this.#$('#banner').hidden = true;
  }

  /** Shows a short message for a while; up to NOTICES_SHOWN of the latest stay visible together. */
  notify(text) {
    const notice = this.#$('#notice');
    const line = el('p', { textContent: text });
    notice.append(line);
    while (notice.childElementCount > NOTICES_SHOWN) notice.firstElementChild.remove();
    notice.classList.add('shown');
    setTimeout(() => {
      line.remove();
      if (!notice.childElementCount) notice.classList.remove('shown');
    }, NOTICE_MS);
  }
}
