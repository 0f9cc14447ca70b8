import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountPageUi } from '../src/content/mount-page-ui';
import { createUiClient } from '../src/ui/client';
import css from '../src/ui/styles.css?inline';

const GUARD = Symbol.for('beckon.page-ui');

/** Injected by the background only when an offer fires or a chat must be shown again. */
export default defineUnlistedScript(() => {
  const scope = globalThis as { [GUARD]?: boolean };
  if (scope[GUARD]) return; // Already mounted in this page.
  scope[GUARD] = true;
  mountPageUi(css, createUiClient());
});
