/**
 * How long the autopilot "types" a message: proportional to its length, within a floor and a
 * cap, so a one-word answer does not take as long as a paragraph and a paragraph does not
 * keep the visitor waiting for half a minute. Pure.
 */

/** A script's typing settings (all in milliseconds). */
export interface TypingSettings {
  /** Pause after the visitor's message before the typing notice (reading time). */
  pauseMs: number;
  /** Typing time per character of the message. */
  perCharacterMs: number;
  /** Shortest typing time. */
  minMs: number;
  /** Longest typing time (the cap). */
  maxMs: number;
}

/** The defaults: about 35 ms a character (a quick typist), between 0.6 s and 4 s, after 0.4 s of reading. */
export const DEFAULT_TYPING: TypingSettings = { pauseMs: 400, perCharacterMs: 35, minMs: 600, maxMs: 4000 };

/** Milliseconds between the typing notice and the message for `text`. */
export function typingDelayMs(text: string, typing: TypingSettings): number {
  // Characters as the visitor sees them (an emoji is one), not UTF-16 units.
  const length = [...text].length;
  return Math.min(typing.maxMs, Math.max(typing.minMs, Math.round(length * typing.perCharacterMs)));
}
