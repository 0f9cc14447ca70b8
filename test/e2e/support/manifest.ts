/** Reads a built manifest.json and names the extension pages it declares. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The manifest.json fields the harness reads. */
export interface BuiltManifest {
  name: string;
  version: string;
  manifest_version: number;
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  [key: string]: unknown;
}

export async function readManifest(extensionDir: string): Promise<BuiltManifest> {
  try {
    return JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as BuiltManifest;
  } catch (error) {
    throw new Error(`No usable build in ${extensionDir} (${(error as Error).message}); run \`npm run test:e2e\`, which builds first.`);
  }
}

/** Path of the action popup inside the extension. */
export const popupPath = (m: BuiltManifest) => m.action?.default_popup ?? 'popup.html';

/** Path of the options page inside the extension (WXT names it options.html). */
export const optionsPath = (m: BuiltManifest) => m.options_ui?.page ?? m.options_page ?? 'options.html';
