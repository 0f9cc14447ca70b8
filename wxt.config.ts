import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { catalogAssets } from './scripts/catalog-assets';
import { bundleContentScript, CONTENT_BUNDLES } from './scripts/content-bundles';
import { PRESENTER_COMMANDS } from './src/core/presenter';

/**
 * Build configuration. One code base for Chromium (MV3 service worker) and Firefox (MV3
 * event page). Only the Sandbox on 127.0.0.1 is a host permission at install; every other
 * site is requested at runtime when the user enables it (optional_host_permissions).
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep the dependency rules visible to lint.
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content scripts are built apart from WXT's pipeline to keep them tiny (see the bundler).
    'build:publicAssets': async (_wxt, files) => {
      for (const { dest, entry } of CONTENT_BUNDLES) files.push({ relativeDest: dest, contents: await bundleContentScript(entry) });
      // One visitor catalog per language, fetched only by a UI that speaks it (src/ui/i18n/load.ts).
      files.push(...catalogAssets());
    },
  },
  manifest: ({ browser }) => ({
    name: 'Beckon',
    description: 'Proactive chat and CRM sync on any website, for pilot demos.',
    permissions: ['storage', 'alarms', 'scripting', 'notifications', 'contextMenus'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Beckon' },
    // The presenter's shortcuts (remappable at chrome://extensions/shortcuts, or about:addons in Firefox).
    commands: Object.fromEntries(
      Object.entries(PRESENTER_COMMANDS).map(([name, c]) => [name, { description: c.description, suggested_key: { default: c.key } }]),
    ),
    // The in-page UI is this extension page in a frame, out of the page's reach. On Chrome its
    // URL carries a per-session id, so a page cannot find it to embed or fingerprint; Firefox
    // already gives every install its own random origin.
    web_accessible_resources: [
      { resources: ['page-frame.html'], matches: ['http://*/*', 'https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    browser_specific_settings: {
      gecko: {
        id: 'beckon@beckon.dev',
        strict_min_version: '140.0',
        // Page context and chat messages leave the browser for the configured backend.
        data_collection_permissions: { required: ['websiteActivity', 'websiteContent'] },
      },
    },
  }),
});
