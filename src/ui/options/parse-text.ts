/** Reading what the user typed: numbers and one-per-line lists, strictly. */

/** Plain decimal numbers only: `Number()` would also accept `0x10`, `1e3` or an empty string (0). */
export function parseNumber(text: string): number {
  const t = text.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}

/** The non-blank lines of a one-per-line textarea, trimmed. */
export const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
