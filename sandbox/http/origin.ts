/**
 * Who may call which API, decided from the `Origin` and `Host` request headers.
 *
 * - Customer API: browser extensions (their background pages carry a `chrome-extension://`
 *   or `moz-extension://` Origin) and the Sandbox itself; every other web origin is refused.
 * - Agent API: only the Sandbox's own origin (the console).
 * - Every API (customer dialects, agent, CRM, fault injector) answers only under a loopback
 *   Host name (requireOwnHost), so a DNS-rebinding page cannot reach it under a name it
 *   controls (its same-origin GETs carry no Origin header to refuse).
 */
import { Code, GwsError } from '../engine/errors.ts';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[A-Za-z0-9-]+$/;

/** Origins and Host values of one running Sandbox; filled in once the port is known. */
export class OriginPolicy {
  private origins = new Set<string>();
  private hosts = new Set<string>();

  /** Records the bound address. Called right after listen(). */
  bind(host: string, port: number): void {
    const bound = host.includes(':') ? `[${host}]` : host; // IPv6 literals are bracketed in Host and Origin
    for (const name of new Set([bound, '127.0.0.1', 'localhost'])) {
      this.hosts.add(`${name}:${port}`);
      this.origins.add(`http://${name}:${port}`);
    }
  }

  /** True for the Sandbox's own origin (same-origin requests from the console or demo site). */
  isOwn(origin: string): boolean {
    return this.origins.has(origin);
  }

  /** True for a browser extension origin, which the customer API answers with CORS headers. */
  isExtension(origin: string): boolean {
    return EXTENSION_ORIGIN.test(origin);
  }

  /** True when the Host header names the Sandbox through a loopback name (or its bound host). */
  isOwnHost(host: string | undefined): boolean {
    return host !== undefined && this.hosts.has(host.toLowerCase());
  }

  /**
   * The DNS-rebinding check every API runs first: throws code 3 ("The <api> answers only on
   * 127.0.0.1 or localhost.") unless the Host header is one of the Sandbox's own names.
   */
  requireOwnHost(host: string | undefined, api: string): void {
    if (!this.isOwnHost(host)) throw new GwsError(Code.Forbidden, `The ${api} answers only on 127.0.0.1 or localhost.`);
  }
}
