/**
 * The user data the visitor's chat arrived with (page name, URL, time on page...), shown
 * as a definition list. Values are rendered as text; a URL becomes a link only if it is
 * http(s), so a `javascript:` value from a page can never run in the console.
 */

/** Props of VisitorContext. */
export interface VisitorContextProps {
  userData: Record<string, string>;
}

// The keys the extension sends first, in this order; any others follow alphabetically.
const FIRST = ['Page Name', 'URL', 'Page URL', 'Time spent on page'];

/** Whether `value` is an http(s) URL (the only kind the console makes a link of). */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Visitor context, open at first; the agent can fold it away to see more transcript. */
export function VisitorContext({ userData }: VisitorContextProps) {
  const keys = Object.keys(userData).sort((a, b) => {
    const ia = FIRST.indexOf(a);
    const ib = FIRST.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  if (keys.length === 0) return <p class="muted small context-empty">No page context was sent with this chat.</p>;
  return (
    <details class="context" open data-testid="visitor-context">
      <summary>Visitor context</summary>
      <dl>
        {keys.map((k) => (
          <div key={k} class="kv">
            <dt>{k}</dt>
            <dd>
              {isHttpUrl(userData[k]!) ? (
                <a href={userData[k]} target="_blank" rel="noopener noreferrer">{userData[k]}</a>
              ) : (
                userData[k]
              )}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
