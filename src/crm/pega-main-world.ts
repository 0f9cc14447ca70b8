/**
 * The main-world half of the Pega desktop bridge, injected by the background into the Pega
 * Customer Service tab with `scripting.executeScript({ world: 'MAIN', func, args: [nonce] })`,
 * once per page load. It must be self-contained (it is serialized): no imports, no closures.
 *
 * It defines no global and no function the page can reach: it only listens for window
 * messages from its own window and origin that carry this page load's nonce, calls
 * `window.pega.CS.<method>` with them, and posts the callback's data back (as JSON data:
 * nothing of the page's objects crosses over). An error says whether pega.CS was called.
 */
export function installPegaBridge(nonce: string, callTag: string, replyTag: string): void {
  const origin = window.location.origin;
  const methods = ['startInteraction', 'switchInteraction', 'endInteraction'];
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window || event.origin !== origin) return;
    const d = event.data as { beckonPega?: unknown; nonce?: unknown; id?: unknown; method?: unknown; args?: unknown } | null;
    if (!d || typeof d !== 'object' || d.beckonPega !== callTag || d.nonce !== nonce || typeof d.id !== 'string') return;
    const reply = (body: { data?: unknown; error?: string; called?: boolean }) =>
      window.postMessage({ beckonPega: replyTag, nonce, id: d.id, ...body }, origin);
    const cs = (window as { pega?: { CS?: Record<string, unknown> } }).pega?.CS;
    if (d.method === 'probe') {
      reply({ data: Object.fromEntries(methods.map((m) => [m, typeof cs?.[m] === 'function'])) });
      return;
    }
    const fn = typeof d.method === 'string' && methods.includes(d.method) ? cs?.[d.method] : undefined;
    if (typeof fn !== 'function') {
      reply({ called: false, error: `window.pega.CS.${String(d.method)} is not available on this page yet: is the Pega Customer Service desktop open and signed in?` });
      return;
    }
    let answered = false;
    const callback = (data: unknown) => {
      if (answered) return;
      answered = true;
      let copy: unknown;
      try {
        copy = JSON.parse(JSON.stringify(data ?? null)) as unknown;
      } catch {
        copy = String(data);
      }
      reply({ data: copy });
    };
    try {
      (fn as (...a: unknown[]) => unknown).apply(cs, [...(Array.isArray(d.args) ? d.args : []), callback]);
    } catch (e) {
      reply({ called: true, error: `pega.CS.${d.method} threw: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
}
