import { DEFAULT_QUEUE } from '../defaults';
import { patternError } from './patterns';
import { DEFAULT_METADATA, type Rule } from './rule-schema';

/** What the visitor reads on the offer when the site's rules give nothing better. */
const FALLBACK_OFFER_TEXT = 'Questions? Chat with us.';
/** Rule names are at most 200 characters (RuleSchema). */
const NAME_MAX = 200;

/** The first `click-N` id no rule has. */
function clickRuleId(rules: readonly Rule[]): string {
  const taken = new Set(rules.map((r) => r.id));
  let n = 1;
  while (taken.has(`click-${n}`)) n++;
  return `click-${n}`;
}

/**
 * The rule the context menu's "Offer a chat when this is clicked" makes: enabled, on every
 * page of the clicked page's origin, offering when an element matching `selector` is clicked.
 * Queue, offer text, metadata and UI come from the first enabled rule (what the demo already
 * offers), else the defaults. The caller validates the settings it lands in, like any change.
 */
export function clickRule(rules: readonly Rule[], selector: string, pageUrl: string): Rule {
  const model = rules.find((r) => r.enabled);
  let include = '**';
  try {
    const { origin, protocol } = new URL(pageUrl);
    // An origin is a glob of itself unless it holds glob syntax (an IPv6 host's brackets).
    if ((protocol === 'http:' || protocol === 'https:') && !/[[\]*?{}()!]/.test(origin) && !patternError(`${origin}/**`)) include = `${origin}/**`;
  } catch {
    include = '**';
  }
  const name = `Click on ${selector}`;
  return {
    id: clickRuleId(rules),
    name: name.length <= NAME_MAX ? name : `${name.slice(0, NAME_MAX - 1)}…`,
    enabled: true,
    include: [include],
    exclude: [],
    match: 'all',
    conditions: [{ kind: 'elementClicked', selector }],
    queue: model?.queue ?? DEFAULT_QUEUE,
    offerText: model?.offerText ?? FALLBACK_OFFER_TEXT,
    metadata: { ...(model?.metadata ?? DEFAULT_METADATA) },
    ui: model?.ui ?? 'default',
    autoDismissSeconds: 0,
    unknownAvailability: model?.unknownAvailability ?? 'allow',
  };
}
