import { z } from 'zod';
import { DEFAULT_CONTACT_CENTER_ID, DEFAULT_QUEUE, DEFAULT_SANDBOX_URL, DEFAULT_SECONDS_ON_PAGE, DEMO_SITE_MATCHES } from './defaults';
import { isValidMatchPattern, matchesPattern } from './match-pattern';
import { CrmSettingsSchema, DEFAULT_CRM, withoutWildcardPortal } from './crm/settings';
import { migrateSettings } from './settings-migration';
import { BusinessHoursSchema, DEFAULT_BUSINESS_HOURS } from './rules/business-hours';
import { CappingSettingsSchema, DEFAULT_CAPPING } from './rules/capping';
import { patternError } from './rules/patterns';
import { DEFAULT_METADATA, RuleSchema, type Rule } from './rules/rule-schema';
import { DEFAULT_PROFILE, DEFAULT_PROFILE_ID, ProfileSchema } from './profiles/profile';

const backendUrl = z
  .string()
  .trim()
  .url('Backend URL must be an absolute http(s) URL, e.g. http://127.0.0.1:7400')
  .refine((u) => /^https?:\/\//.test(u), 'Backend URL must start with http:// or https://');
const visitorNickname = z.string().trim().min(1, 'Visitor nickname is required').max(100);

/** The chat service GMS deployments ship with (`/genesys/2/chat/request-chat`). */
export const DEFAULT_GMS_SERVICE_NAME = 'request-chat';

/** The GWS Customer Chat API v2 dialect (the Sandbox speaks it): identified by a ContactCenterId. */
export const GwsBackendSettingsSchema = z.object({
  kind: z.literal('gws'),
  url: backendUrl,
  contactCenterId: z.string().trim().min(1, 'ContactCenterId is required').max(200),
  nickname: visitorNickname,
});

/** The GMS Chat API v2 dialect (the Sandbox speaks it too): chats go to one chat service. */
export const GmsBackendSettingsSchema = z.object({
  kind: z.literal('gms'),
  url: backendUrl,
  // It becomes a path segment: the characters GMS service (section) names use, nothing to escape.
  serviceName: z
    .string()
    .trim()
    .min(1, 'Service name is required')
    .max(100)
    .regex(/^[A-Za-z0-9._-]*$/, 'Service name may use only letters, digits, ".", "_" and "-", e.g. request-chat')
    .default(DEFAULT_GMS_SERVICE_NAME),
  nickname: visitorNickname,
});

/**
 * Chat backend connection, by dialect. Version 2 settings stored before GMS existed all
 * have `kind: 'gws'` and stay valid as they are, so no migration is needed.
 */
export const BackendSettingsSchema = z.discriminatedUnion('kind', [GwsBackendSettingsSchema, GmsBackendSettingsSchema], {
  error: 'Chat API must be "gws" (GWS Customer Chat API v2) or "gms" (GMS Chat API v2)',
});
export type BackendSettings = z.infer<typeof BackendSettingsSchema>;

/** Where the page name comes from, tried in this order; the document title is the last resort. */
export const PageNameSourcesSchema = z.object({
  /** URL glob or /regex/ → a name, first match wins. */
  urlMap: z
    .array(z.object({
      pattern: z.string().trim().min(1, 'Pattern is required').refine((p) => patternError(p) === null, 'Invalid pattern'),
      name: z.string().trim().min(1, 'Name is required').max(200),
    }))
    .max(200),
  /** A CSS selector whose text names the page (e.g. `h1`); empty to skip. */
  selector: z.string().trim().max(500),
  useOgTitle: z.boolean(),
});
export type PageNameSources = z.infer<typeof PageNameSourcesSchema>;

/**
 * What one enabled site allows besides being watched. Saved with the sites (at once), keyed
 * by the site's pattern; a site without an entry has the defaults.
 */
export const SiteOptionsSchema = z.object({
  /**
   * The seeds' JavaScript APIs on this site's pages (`pega.chat.proactiveChat`, the Genesys
   * Chat Service API `chat`): scripts there can offer chats, start chats, and read the chats
   * they started. Off unless switched on.
   */
  pageApi: z.boolean().default(false),
  /** How long a page's offer stays open before it times out, in seconds (0: until answered). */
  offerWaitSeconds: z.number().int().min(0).max(3_600).default(0),
  /** The queue a page's own chat (`chat.startChat`) goes to; empty: the first enabled rule's. */
  chatQueue: z.string().trim().max(100).default(''),
  /** The demo profile the widget uses on this site (its brand, colours, language). */
  profileId: z.string().max(40).default(DEFAULT_PROFILE_ID),
});
export type SiteOptions = z.infer<typeof SiteOptionsSchema>;
export const DEFAULT_SITE_OPTIONS: SiteOptions = { pageApi: false, offerWaitSeconds: 0, chatQueue: '', profileId: DEFAULT_PROFILE_ID };

/** Everything the options page configures. Versioned: `migrateSettings` upgrades older shapes. */
export const SettingsSchema = z.object({
  version: z.literal(4),
  backend: BackendSettingsSchema,
  /** In priority order: the first rule that can offer does. */
  rules: z
    .array(RuleSchema)
    .max(100, 'At most 100 rules')
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'Rule ids must be unique'),
  capping: CappingSettingsSchema,
  businessHours: BusinessHoursSchema,
  pageName: PageNameSourcesSchema,
  /** Remove email addresses and long digit runs from page names and URLs before they leave the browser. */
  privacyGuard: z.boolean(),
  enabledSites: z
    .array(z.string().refine(isValidMatchPattern, 'Site must be a match pattern like https://shop.example.com/*'))
    .max(200),
  /** CRM sync: the connector, interaction class and flow, the demo persona (version 3). */
  crm: CrmSettingsSchema,
  /** Per enabled site (by its pattern): the page API and its options. Absent in older settings: none. */
  siteOptions: z.record(z.string(), SiteOptionsSchema).default({}),
  /** Demo profiles: the widget's brand, colours, logo, corner and language per prospect. The default one stays. */
  profiles: z
    .array(ProfileSchema)
    .min(1)
    .max(50)
    .default([DEFAULT_PROFILE])
    .refine((ps) => ps.some((p) => p.id === DEFAULT_PROFILE_ID), 'The default profile cannot be removed')
    .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'Two profiles have the same id'),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The rule of a fresh install: offer billing help after 10 visible seconds on any enabled page. */
export const DEFAULT_RULE: Rule = {
  id: 'default',
  name: 'Billing help',
  enabled: true,
  include: ['**'],
  exclude: [],
  match: 'all',
  conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: DEFAULT_SECONDS_ON_PAGE }],
  queue: DEFAULT_QUEUE,
  offerText: 'Questions about your bill? Chat with us.',
  metadata: DEFAULT_METADATA,
  ui: 'default',
  autoDismissSeconds: 0,
  unknownAvailability: 'allow',
};

/** Settings of a fresh install: the local Sandbox (chat and CRM), its demo site, one rule. */
export const DEFAULT_SETTINGS: Settings = {
  version: 4,
  backend: { kind: 'gws', url: DEFAULT_SANDBOX_URL, contactCenterId: DEFAULT_CONTACT_CENTER_ID, nickname: 'Visitor' },
  rules: [DEFAULT_RULE],
  capping: DEFAULT_CAPPING,
  businessHours: DEFAULT_BUSINESS_HOURS,
  pageName: { urlMap: [], selector: '', useOgTitle: true },
  privacyGuard: true,
  enabledSites: [...DEMO_SITE_MATCHES],
  crm: DEFAULT_CRM,
  siteOptions: {},
  profiles: [DEFAULT_PROFILE],
};

/** A site's options (by its pattern), each one it does not set at its default. */
export function siteOptionsOf(settings: Pick<Settings, 'siteOptions'>, pattern: string): SiteOptions {
  return { ...DEFAULT_SITE_OPTIONS, ...settings.siteOptions[pattern] };
}

/** The enabled sites that use demo profile `profileId` (a site without one uses the default). */
export function sitesUsingProfile(settings: Pick<Settings, 'enabledSites' | 'siteOptions'>, profileId: string): string[] {
  return settings.enabledSites.filter((p) => siteOptionsOf(settings, p).profileId === profileId);
}

/** The enabled site a URL is on (its pattern, the first that matches) and that site's options; null when none is. */
export function siteFor(settings: Pick<Settings, 'enabledSites' | 'siteOptions'>, url: string): { pattern: string; options: SiteOptions } | null {
  const pattern = settings.enabledSites.find((p) => matchesPattern(p, url));
  return pattern === undefined ? null : { pattern, options: siteOptionsOf(settings, pattern) };
}

/** Human-readable list of what is wrong, each naming the field (e.g. `rules.0.queue: Queue is required`). */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/**
 * Reads stored settings leniently: older versions are migrated, a Pega portal that names no
 * single host is dropped (`withoutWildcardPortal`), and anything invalid falls back to the
 * defaults, so a corrupted entry never leaves the extension unusable.
 */
export function settingsOrDefault(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(withoutWildcardPortal(migrateSettings(raw)));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
