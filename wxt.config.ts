import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { bundleWatcher, WATCHER_DEST } from './scripts/watcher-bundle';

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
    // The watcher is built apart from WXT's pipeline to keep it tiny (see the bundler).
    'build:publicAssets': async (_wxt, files) => {
      files.push({ relativeDest: WATCHER_DEST, contents: await bundleWatcher() });
    },
  },
  manifest: {
    name: 'Beckon',
    description: 'Proactive chat and CRM sync on any website, for pilot demos.',
    permissions: ['storage', 'alarms', 'scripting', 'tabs', 'notifications'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Beckon' },
    browser_specific_settings: {
      gecko: {
        id: 'beckon@beckon.dev',
        strict_min_version: '140.0',
        // Page context and chat messages leave the browser for the configured backend.
        data_collection_permissions: { required: ['websiteActivity', 'websiteContent'] },
      },
    },
  },
});
