// Draws web/favicon.svg as the PNG icons the web app manifest lists (web/icons/icon-192.png,
// icon-512.png): browsers want PNG icons of these sizes to offer installing the page. Run it after
// changing the favicon: `node scripts/make-icons.mjs` (Debian's Chromium, as the tests drive it).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../tests/node/browser.mjs';
import { root } from '../tests/node/helpers.mjs';

const svg = await readFile(path.join(root, 'web', 'favicon.svg'), 'utf8');
const browser = await launchBrowser();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style>`
      + `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`);
    await page.waitForFunction(() => document.querySelector('img').complete);
    await page.screenshot({ path: path.join(root, 'web', 'icons', `icon-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log('make-icons: web/icons/icon-192.png, icon-512.png');
