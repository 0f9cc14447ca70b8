/**
 * Out-of-the-box values shared by the extension and the Beckon Sandbox, so that a fresh
 * install talks to a freshly started Sandbox with no configuration at all.
 */

/** Port the Sandbox listens on unless told otherwise. */
export const DEFAULT_SANDBOX_PORT = 7400;

/** Host the Sandbox binds to: loopback only, it is a demo tool. */
export const SANDBOX_HOST = '127.0.0.1';

/** Base URL of a default Sandbox. */
export const DEFAULT_SANDBOX_URL = `http://${SANDBOX_HOST}:${DEFAULT_SANDBOX_PORT}`;

/**
 * ContactCenterId the Sandbox accepts unless started with another one. GWS expects a UUID
 * handed out by an administrator; this one is fixed so the defaults match.
 */
export const DEFAULT_CONTACT_CENTER_ID = '6b1e7c0a-bec0-4d00-8000-000000007400';

/** Path under the Sandbox where the demo site is served. */
export const DEMO_SITE_PATH = '/demo/';

/**
 * Sites enabled out of the box: the Sandbox's demo site, on any port, under both loopback
 * names (two names make two sites, which shows that capping spans sites). Only the demo
 * site's path: the agent console and every other loopback page stay untouched. The host
 * permissions requested at install (the Sandbox's two names) cover them.
 */
export const DEMO_SITE_MATCHES = [`http://${SANDBOX_HOST}${DEMO_SITE_PATH}*`, `http://localhost${DEMO_SITE_PATH}*`] as const;

/** What version 3 enabled out of the box: every loopback page, the agent console included. */
export const V3_DEFAULT_SITES = [`http://${SANDBOX_HOST}/*`, 'http://localhost/*'] as const;

/** Queue a default rule routes to. */
export const DEFAULT_QUEUE = 'Billing';

/** Seconds of visible time on page before the default rule offers a chat. */
export const DEFAULT_SECONDS_ON_PAGE = 10;

/**
 * Bearer token of the Sandbox CRM API unless it is started with another one (a demo value,
 * not a secret): printed by the Sandbox, preset in the extension.
 */
export const DEFAULT_CRM_TOKEN = 'beckon-demo-crm-token';
