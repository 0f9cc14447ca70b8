/**
 * The composer's list of canned replies (typing `/` opens it): a listbox the composer drives
 * from the keyboard (arrow keys move, Enter picks, Escape closes; the focus stays in the
 * composer, which points at the active option with aria-activedescendant). Each option shows
 * the reply as it will be sent, its placeholders filled from the chat's user data, and names
 * those the chat lacks (they stay visible for the agent to fill in). Text only, never HTML.
 */
import { fillPlaceholders, missingPlaceholders } from '../../autopilot/placeholders.ts';
import type { CannedReply } from '../../canned/schemas.ts';

/** Id of the listbox, for the composer's aria-controls. */
export const CANNED_LIST_ID = 'canned-list';
/** Id of option `i`, for the composer's aria-activedescendant. */
export const cannedOptionId = (i: number) => `canned-option-${i}`;

/** Props of CannedPicker. */
export interface CannedPickerProps {
  matches: CannedReply[];
  active: number;
  userData: Record<string, string>;
  onPick(reply: CannedReply): void;
}

/** The list under the composer. */
export function CannedPicker({ matches, active, userData, onPick }: CannedPickerProps) {
  return (
    <div class="canned-picker" data-testid="canned-picker">
      <ul id={CANNED_LIST_ID} role="listbox" aria-label="Canned replies">
        {matches.map((r, i) => {
          const missing = missingPlaceholders(r.text, userData);
          return (
            <li key={r.id} id={cannedOptionId(i)} role="option" aria-selected={i === active} data-testid="canned-option" data-shortcut={r.shortcut}
              class={i === active ? 'active' : ''}
              // mousedown, not click: the composer keeps the focus.
              onMouseDown={(e) => { e.preventDefault(); onPick(r); }}>
              <span class="shortcut">/{r.shortcut}</span>
              <span class="preview">{fillPlaceholders(r.text, userData)}</span>
              {missing.length > 0 && <span class="missing">not known here: {missing.join(', ')}</span>}
            </li>
          );
        })}
      </ul>
      {matches.length === 0 && <p class="muted small" role="status">No canned reply matches. Escape closes this list.</p>}
      <p class="muted small hint">↑ ↓ to choose, Enter to insert, Escape to close</p>
    </div>
  );
}
