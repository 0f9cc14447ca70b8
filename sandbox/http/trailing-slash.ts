/**
 * Real Genesys clients put a slash at the end of some paths: a public GWS sample client sends
 * RequestChat to `/api/v2/chats/`, Genesys Widgets posts requestChat to `{dataURL}/` (that is
 * `/genesys/2/chat/{service}/`). The customer dialects read such a path as if the slash were
 * not there; other routes (console, demo site) keep their own slash rules.
 */

const CUSTOMER_PREFIXES = ['/api/v2/chats/', '/genesys/'];

/** The URL with one trailing slash of a customer-dialect path removed (query kept). For Fastify's `rewriteUrl`. */
export function withoutTrailingSlash(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (!path.endsWith('/') || !CUSTOMER_PREFIXES.some((p) => path.startsWith(p))) return url;
  return path.slice(0, -1) + (q < 0 ? '' : url.slice(q));
}
