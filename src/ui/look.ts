/**
 * A demo profile's look as the UIs apply it: the brand's colours as the CSS custom properties
 * styles.css uses, and the brand name (Beckon's own without a profile).
 */
import type { Look } from '../core/profiles/look';

/** The brand a window shows when the view has no look (an older background). */
export const DEFAULT_BRAND = 'Beckon chat';

/** Inline style giving `--bk-accent` and `--bk-accent-ink` the look's colours (none: the style sheet's). */
export function lookStyle(look: Look | undefined): Record<string, string> | undefined {
  return look ? { '--bk-accent': look.accent, '--bk-accent-ink': look.accentInk } : undefined;
}
