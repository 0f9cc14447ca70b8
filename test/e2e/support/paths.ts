/** Where the e2e harness finds the builds and the browsers. Override browsers by env. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Production builds: `npm run build` and `npm run build:firefox` (or `npm run test:e2e`). */
export const CHROME_BUILD = join(ROOT, '.output', 'chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output', 'firefox-mv3');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** The add-on id fixed in wxt.config.ts (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'beckon@beckon.dev';
