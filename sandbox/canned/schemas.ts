/**
 * The shapes of canned replies (zod): one reply as the console edits it, and the export file
 * that import takes back. Import errors name the field: `replies[3].text: must be at most 4000
 * characters`.
 */
import { z } from 'zod';

/** What the agent types after `/` to find a reply: 1-40 letters, digits, '.', '_' or '-'. */
export const shortcut = z.string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, "must be 1-40 letters, digits, '.', '_' or '-', starting with a letter or digit");

/** The reply's text, placeholders included (what the agent API's SendMessage takes). */
export const replyText = z.string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
  .trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters');

/** A canned reply as created or edited. */
export const cannedReplyBody = z.strictObject({ shortcut, text: replyText }, { error: 'must be an object with shortcut and text' });

/** Most replies a file may hold. */
const MAX_REPLIES = 500;

/** The export file, as import takes it back. */
export const cannedExport = z.strictObject({
  format: z.literal('beckon-canned-replies', { error: "must be 'beckon-canned-replies'" }),
  version: z.literal(1, { error: 'must be 1' }),
  replies: z.array(cannedReplyBody, { error: 'must be a list of replies' }).max(MAX_REPLIES, `must hold at most ${MAX_REPLIES} replies`),
}, { error: 'must be a canned replies file (an object with format, version and replies)' }).superRefine((doc, ctx) => {
  const seen = new Map<string, number>();
  doc.replies.forEach((r, i) => {
    const first = seen.get(r.shortcut.toLowerCase());
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['replies', i, 'shortcut'], message: `'${r.shortcut}' is already replies[${first}].shortcut` });
    else seen.set(r.shortcut.toLowerCase(), i);
  });
});

/** A canned reply as stored and listed. */
export interface CannedReply {
  id: number;
  shortcut: string;
  text: string;
  updatedAt: number;
}

/** The export file. */
export type CannedExport = z.infer<typeof cannedExport>;
