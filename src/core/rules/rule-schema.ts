import { z } from 'zod';
import { patternError } from './patterns';
import { selectorError } from './selector-check';
import { NUMERIC_SIGNALS } from './signals';

const pattern = z
  .string()
  .trim()
  .min(1, 'Pattern is required')
  .max(2000)
  .superRefine((p, ctx) => {
    const error = patternError(p);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });

/** The CSS selector of an element condition: checked as far as can be without a page (selector-check.ts). */
const selector = z
  .string({ error: 'CSS selector must be text' })
  .trim()
  .superRefine((s, ctx) => {
    const error = selectorError(s);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });

/** One condition of a rule. */
export const ConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pageName'), pattern }),
  z.object({ kind: z.literal('referrer'), pattern }),
  z.object({
    kind: z.literal('query'),
    param: z.string().trim().min(1, 'Query parameter name is required').max(200),
    /** Absent: the parameter only has to be present. */
    equals: z.string().max(2000).optional(),
  }),
  z.object({
    kind: z.literal('signal'),
    signal: z.enum(NUMERIC_SIGNALS, { error: `Signal must be one of ${NUMERIC_SIGNALS.join(', ')}` }),
    /** The signal must be at least this. */
    min: z.number({ error: 'Threshold must be a number' }).finite().min(0, 'Threshold cannot be negative').max(1e7),
  }),
  z.object({ kind: z.literal('exitIntent') }),
  /** An element matching `selector` has been on screen on this page (the watcher observes it). */
  z.object({ kind: z.literal('elementVisible'), selector }),
  /** The visitor clicked an element matching `selector`, or inside one, on this page. */
  z.object({ kind: z.literal('elementClicked'), selector }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

/** A proactive rule: where and when to offer, and what the offer does (`offer(queue, metadata, bDefaultUI)`). */
export const RuleSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'Rule name is required').max(200),
  enabled: z.boolean(),
  /** The URL must match one of these… */
  include: z.array(pattern).min(1, 'At least one URL pattern is required').max(50),
  /** …and none of these. */
  exclude: z.array(pattern).max(50),
  /** How the conditions combine. */
  match: z.enum(['all', 'any']),
  conditions: z.array(ConditionSchema).max(50),
  queue: z.string().trim().min(1, 'Queue is required').max(200),
  offerText: z.string().trim().min(1, 'Offer text is required').max(300),
  /** Values may use {pageName}, {timeOnPage}, {url}, {referrer}, {pagesViewed}, {visits}. */
  metadata: z.record(z.string().max(100), z.string().max(1000)),
  /** `default`: the in-page card (bDefaultUI true); `custom`: badge, popup and a notification. */
  ui: z.enum(['default', 'custom']),
  /** Seconds before an unanswered offer is withdrawn and recorded as timed out; 0 never. */
  autoDismissSeconds: z.number().int('Whole seconds').min(0).max(3600),
  /** When the backend cannot tell whether agents are ready on the queue. */
  unknownAvailability: z.enum(['allow', 'deny']),
});
export type Rule = z.infer<typeof RuleSchema>;

/** The metadata of a new rule: what the Pega example passes. */
export const DEFAULT_METADATA: Record<string, string> = {
  'Page Name': '{pageName}',
  'Time spent on page': '{timeOnPage}',
  URL: '{url}',
};
