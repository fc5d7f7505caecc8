// Renders build/icons/icon.svg to the 512×512 icon.png electron-builder packs (Windows
// and Linux derive their sizes from it), and to the page's 64×64 favicon
// (renderer/public/favicon.png, linked from renderer/index.html; a PNG, because the
// SVG draws 民 from a system font a browser may lack). Run by hand after changing the SVG:
//   node build/render-icon.mjs
// Needs a local Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and a CJK serif
// font (fonts-noto-cjk), because the 民 glyph is drawn from a system font.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const svgUrl = new URL('./icons/icon.svg', import.meta.url);
const pngPath = new URL('./icons/icon.png', import.meta.url).pathname;
const faviconPath = new URL('../renderer/public/favicon.png', import.meta.url).pathname;
const faviconSize = 64;
const svg = await readFile(svgUrl, 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<body style="margin:0;background:transparent">${svg}</body>`);
  // The glyph comes from a system font: wait for it before taking the picture.
  await page.evaluate(async () => {
    await globalThis.document.fonts.ready;
  });
  await page.locator('svg').screenshot({ path: pngPath, omitBackground: true });
  console.log(`wrote ${pngPath}`);
  await page.setViewportSize({ width: faviconSize, height: faviconSize });
  await page.locator('svg').evaluate((svg, size) => {
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
  }, faviconSize);
  await page.locator('svg').screenshot({ path: faviconPath, omitBackground: true });
  console.log(`wrote ${faviconPath}`);
} finally {
  await browser.close();
}
