// The playground's two ways of telling the learner something: the banner, which stays until the
// settings change (a spec error, a diverged model, an engine that keeps failing), and the notices,
// short lines that fade after NOTICE_MS, at most NOTICES_SHOWN at a time. The notices sit where
// they hide nothing the learner watches (style.css: the bottom of the settings column on a wide
// screen), and the last line stays in its box until the box has faded out (FADE_MS, style.css's
// transition), so no empty box is ever seen. Runs on the page.
import { el } from './dom.js';

const NOTICE_MS = 6000;
const NOTICES_SHOWN = 3;
const FADE_MS = 300;  // a little over .notice's opacity transition (0.25 s)

export class Messages {
  #$;

  /** $(selector): the playground's lookup under its root (#banner, #banner-text, #notice). */
  constructor($) {
    this.#$ = $;
  }

  showBanner(text) {
    this.#$('#banner-text').textContent = text;
    this.#$('#banner').hidden = false;
  }

  hideBanner() {
    this.#$('#banner').hidden = true;
  }

  /** Shows a short message for a while; up to NOTICES_SHOWN of the latest stay visible together. */
  notify(text) {
    const notice = this.#$('#notice');
    for (const old of notice.querySelectorAll('.leaving')) old.remove();  // a new line cuts a fade-out short
    const line = el('p', { textContent: text });
    notice.append(line);
    while (notice.childElementCount > NOTICES_SHOWN) notice.firstElementChild.remove();
    notice.classList.add('shown');
    setTimeout(() => this.#expire(notice, line), NOTICE_MS);
  }

  /** A line's time is up: it goes at once if others stay, else the box fades out first, with the line in it. */
  #expire(notice, line) {
    if (!line.isConnected) return;
    if (notice.childElementCount > 1) return line.remove();
    line.classList.add('leaving');
    notice.classList.remove('shown');
    setTimeout(() => line.classList.contains('leaving') && line.remove(), FADE_MS);
  }
}
