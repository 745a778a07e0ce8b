// Renders images/icon.svg to images/icon.png (128x128, transparent corners), the icon the
// Marketplace and the Extensions view show. Needs a Chromium: `node scripts/render-icon.mjs
// [path/to/chromium]` (default /usr/bin/chromium, which scripts/install-vscode-e2e.sh installs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const images = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'images');
const svg = fs.readFileSync(path.join(images, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.argv[2] ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(images, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
