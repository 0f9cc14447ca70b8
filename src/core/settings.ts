import { z } from 'zod';
import {
  DEFAULT_CONTACT_CENTER_ID,
  DEFAULT_QUEUE,
  DEFAULT_SANDBOX_URL,
  DEFAULT_SECONDS_ON_PAGE,
  DEMO_SITE_MATCH,
} from './defaults';
import { isValidMatchPattern } from './match-pattern';

/** Chat backend connection: the GWS Customer Chat API v2 dialect (the Sandbox speaks it). */
export const BackendSettingsSchema = z.object({
  kind: z.literal('gws'),
  url: z
    .string()
    .trim()
    .url('Backend URL must be an absolute http(s) URL, e.g. http://127.0.0.1:7400')
    .refine((u) => /^https?:\/\//.test(u), 'Backend URL must start with http:// or https://'),
  contactCenterId: z.string().trim().min(1, 'ContactCenterId is required').max(200),
  nickname: z.string().trim().min(1, 'Visitor nickname is required').max(100),
});
export type BackendSettings = z.infer<typeof BackendSettingsSchema>;

/** One proactive rule: where, when, and which queue to route to. */
export const RuleSchema = z.object({
  id: z.string().min(1),
  urlPattern: z.string().trim().min(1, 'URL pattern is required').max(2000),
  secondsOnPage: z
    .number({ error: 'Seconds on page must be a number' })
    .int('Seconds on page must be a whole number')
    .min(0, 'Seconds on page cannot be negative')
    .max(86_400, 'Seconds on page must be at most 86400 (a day)'),
  queue: z.string().trim().min(1, 'Queue is required').max(200),
  topic: z.string().trim().min(1, 'Offer topic is required').max(200),
});
export type Rule = z.infer<typeof RuleSchema>;

/** Everything the options page configures. Versioned so later releases can migrate it. */
export const SettingsSchema = z.object({
  version: z.literal(1),
  backend: BackendSettingsSchema,
  rule: RuleSchema,
  enabledSites: z
    .array(z.string().refine(isValidMatchPattern, 'Site must be a match pattern like https://shop.example.com/*'))
    .max(200),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings of a fresh install: the local Sandbox, its demo site, one rule. */
export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  backend: {
    kind: 'gws',
    url: DEFAULT_SANDBOX_URL,
    contactCenterId: DEFAULT_CONTACT_CENTER_ID,
    nickname: 'Visitor',
  },
  rule: {
    id: 'default',
    urlPattern: '**',
    secondsOnPage: DEFAULT_SECONDS_ON_PAGE,
    queue: DEFAULT_QUEUE,
    topic: 'Questions about your bill? Chat with us.',
  },
  enabledSites: [DEMO_SITE_MATCH],
};

/** Human-readable list of what is wrong, each naming the field (e.g. `rule.queue: Queue is required`). */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/**
 * Reads stored settings leniently: anything invalid or missing falls back to the defaults,
 * so a corrupted storage entry never leaves the extension unusable.
 */
export function settingsOrDefault(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
