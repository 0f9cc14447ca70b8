/**
 * A demo for one prospect as one file (issue 13): a profile, the enabled sites that use it (with
 * their options) and the rules, so a demo moves to a teammate's browser in one step. Validated on
 * import, every problem named by its field; applied without overwriting anything the teammate
 * has (a profile or rule of the same id but other content comes in under a new id). Pure.
 */
import { z } from 'zod';
import { isValidMatchPattern } from '../match-pattern';
import { RuleSchema, type Rule } from '../rules/rule-schema';
import { siteOptionsOf, SiteOptionsSchema, sitesUsingProfile, type Settings } from '../settings';
import { ProfileSchema, type Profile } from './profile';

export const DemoBundleSchema = z.object({
  kind: z.literal('beckon-demo', { error: 'Not a Beckon demo file (kind must be "beckon-demo")' }),
  version: z.literal(1, { error: 'Unknown demo file version (this Beckon reads version 1)' }),
  profile: ProfileSchema,
  sites: z
    .array(z.object({ pattern: z.string().refine(isValidMatchPattern, 'Site must be a match pattern like https://shop.example.com/*'), options: SiteOptionsSchema }))
    .max(50),
  rules: z.array(RuleSchema).max(100),
});
export type DemoBundle = z.infer<typeof DemoBundleSchema>;

/** The demo of `profileId`: the profile, the sites that use it, and the rules (they apply to every enabled site). */
export function exportDemo(settings: Settings, profileId: string): DemoBundle | null {
  const profile = settings.profiles.find((p) => p.id === profileId);
  if (!profile) return null;
  const sites = sitesUsingProfile(settings, profileId).map((pattern) => ({ pattern, options: siteOptionsOf(settings, pattern) }));
  return { kind: 'beckon-demo', version: 1, profile, sites, rules: settings.rules };
}

/** A file's text as a demo, or every problem with the field it is at. */
export function parseDemo(text: string): { ok: true; demo: DemoBundle } | { ok: false; errors: { path: string; message: string }[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', message: `Not valid JSON: ${(e as Error).message}` }] };
  }
  const parsed = DemoBundleSchema.safeParse(raw);
  if (parsed.success) return { ok: true, demo: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** An id not among `taken`: `id`, else `id-2`, `id-3`… (kept within 40 characters). */
function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) {
    const candidate = `${id.slice(0, 36)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** What importing a demo does: the settings after it, and what it added. */
export interface DemoImport {
  settings: Settings;
  profile: Profile;
  /** Sites newly enabled (their host permission is to be requested). */
  newSites: string[];
  /** Rules added (those already there, identical, are not). */
  newRules: Rule[];
}

/** Applies a demo to `settings`: its profile (under a new id when the id is taken by another), its sites using it, its rules. */
export function applyDemo(settings: Settings, demo: DemoBundle): DemoImport {
  const existing = settings.profiles.find((p) => p.id === demo.profile.id);
  const profile = existing && same(existing, demo.profile)
    ? existing
    : { ...demo.profile, id: freeId(demo.profile.id, new Set(settings.profiles.map((p) => p.id))), ...(existing ? { name: `${demo.profile.name} (imported)` } : {}) };
  const profiles = settings.profiles.some((p) => p === profile) ? settings.profiles : [...settings.profiles, profile];
  const newSites = demo.sites.map((s) => s.pattern).filter((p) => !settings.enabledSites.includes(p));
  const siteOptions = { ...settings.siteOptions };
  for (const s of demo.sites) siteOptions[s.pattern] = { ...s.options, profileId: profile.id };
  const ruleIds = new Set(settings.rules.map((r) => r.id));
  const newRules: Rule[] = [];
  for (const rule of demo.rules) {
    const mine = settings.rules.find((r) => r.id === rule.id);
    if (mine && same(mine, rule)) continue;
    const id = freeId(rule.id, ruleIds);
    ruleIds.add(id);
    newRules.push({ ...rule, id });
  }
  return {
    settings: { ...settings, profiles, enabledSites: [...settings.enabledSites, ...newSites], siteOptions, rules: [...settings.rules, ...newRules] },
    profile, newSites, newRules,
  };
}
