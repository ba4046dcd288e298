// A region that scrolls sideways (a wide table in a narrow panel) says so: data-more names the
// sides where columns are hidden ("left", "right", "left right" or ""), for style.css's fade, and
// the region takes the keyboard focus only while it has something to scroll. Kept up to date as
// it scrolls, resizes or its table changes size. Runs on the page.
import { el } from './dom.js';

/** Watches `region` (an element with overflow-x: auto around one table); returns its update(). */
export function watchScroll(region) {
  const update = () => {
    const hidden = region.scrollWidth - region.clientWidth;
    const sides = [region.scrollLeft > 1 && 'left', region.scrollLeft < hidden - 1 && 'right'].filter(Boolean).join(' ');
    if (region.dataset.more !== sides) region.dataset.more = sides;
    const tabIndex = hidden > 1 ? 0 : -1;
    if (region.tabIndex !== tabIndex) region.tabIndex = tabIndex;
  };
  region.addEventListener('scroll', update, { passive: true });
  const observer = new ResizeObserver(update);
  observer.observe(region);
  if (region.firstElementChild) observer.observe(region.firstElementChild);
  update();
  return update;
}

/** A new region around `table` (a lesson view's wide table), labelled `label`, watched as above. */
export function scrollRegion(table, label) {
  const region = el('div', { className: 'scroll-x' }, table);
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', label);
  watchScroll(region);
  return region;
}
