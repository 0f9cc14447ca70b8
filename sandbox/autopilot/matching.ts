/**
 * Which reply of a script answers a visitor's message. Pure.
 *
 * - Replies are tried in the script's order; the first that matches wins, else the fallback
 *   (none: the autopilot stays silent).
 * - `keywords`: any keyword found as a whole word or phrase (`money back` matches "Money  back?"),
 *   a trailing `*` also takes longer words (`refund*`: refund, refunds, refunded).
 * - `match`: a JavaScript regular expression (Unicode mode) searched anywhere in the message.
 * - Both ignore case unless the reply says `caseSensitive: true`.
 */
import type { Script, ScriptReply, ScriptSay } from './script-schema.ts';

/** A reply with its compiled test. */
export interface CompiledReply {
  reply: ScriptReply;
  pattern: RegExp;
}

/** What answers a message: a reply (with its position in the script), the fallback, or nothing. */
export type Choice = { kind: 'reply'; index: number; reply: ScriptReply } | { kind: 'fallback'; say: ScriptSay } | null;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Letters, digits and marks of any script count as word characters, so "café" is one word.
const WORD = '[\\p{L}\\p{N}\\p{M}_]';

/** The regular expression for a keyword list. */
export function keywordPattern(keywords: readonly string[], caseSensitive: boolean): RegExp {
  const alternatives = keywords.map((k) => {
    const prefix = k.endsWith('*');
    const words = (prefix ? k.slice(0, -1) : k).trim().split(/\s+/).map(escape).join('\\s+');
    return `${words}${prefix ? '' : `(?!${WORD})`}`;
  });
  return new RegExp(`(?<!${WORD})(?:${alternatives.join('|')})`, caseSensitive ? 'u' : 'iu');
}

/** Compiles every reply of a script once (scripts are validated, so every `match` compiles). */
export function compileReplies(replies: readonly ScriptReply[]): CompiledReply[] {
  return replies.map((reply) => ({
    reply,
    pattern: reply.match !== undefined ? new RegExp(reply.match, reply.caseSensitive ? 'u' : 'iu') : keywordPattern(reply.keywords ?? [], reply.caseSensitive),
  }));
}

/** The reply for `text`: the first that matches, else the script's fallback, else null. */
export function chooseReply(compiled: readonly CompiledReply[], script: Pick<Script, 'fallback'>, text: string): Choice {
  const index = compiled.findIndex((c) => c.pattern.test(text));
  if (index >= 0) return { kind: 'reply', index, reply: compiled[index]!.reply };
  return script.fallback ? { kind: 'fallback', say: script.fallback } : null;
}
