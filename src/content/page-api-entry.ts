/**
 * Entry of the page API bundle (`page-api.js`): registered in the page's MAIN world, at
 * document_start, only on sites where the user switched the page API on (src/background/sites.ts).
 * No extension API here: it talks to Beckon only through the relay (`page-api-relay.js`).
 */
import { installPageApi } from './page-api/install';

const GUARD = '__beckonPageApi';
const scope = window as unknown as Window & Record<string, unknown>;
// Once per page (the background also injects into tabs that were open when the API was switched on).
if (!Object.prototype.hasOwnProperty.call(scope, GUARD)) {
  Object.defineProperty(scope, GUARD, { value: true });
  installPageApi(scope);
}
