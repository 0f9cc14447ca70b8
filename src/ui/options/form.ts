import { DEFAULT_RULE, SettingsSchema, type Settings } from '../../core/settings';

/** The options form as typed: every field a string, so half-typed input is never lost. */
export interface SettingsForm {
  backendUrl: string;
  contactCenterId: string;
  nickname: string;
  urlPattern: string;
  secondsOnPage: string;
  queue: string;
  topic: string;
}

/** Field name → what is wrong with it. */
export type FormErrors = Partial<Record<keyof SettingsForm | 'enabledSites', string>>;

const FIELD_OF_PATH: Record<string, keyof SettingsForm | 'enabledSites'> = {
  'backend.url': 'backendUrl',
  'backend.contactCenterId': 'contactCenterId',
  'backend.nickname': 'nickname',
  'rules.0.include.0': 'urlPattern',
  'rules.0.queue': 'queue',
  'rules.0.offerText': 'topic',
};

/** The form showing `s`. */
export function toForm(s: Settings): SettingsForm {
  const rule = s.rules[0] ?? DEFAULT_RULE;
  const seconds = rule.conditions.find((c) => c.kind === 'signal' && c.signal === 'visibleSeconds');
  return {
    backendUrl: s.backend.url,
    contactCenterId: s.backend.contactCenterId,
    nickname: s.backend.nickname,
    urlPattern: rule.include[0] ?? '**',
    secondsOnPage: String(seconds?.kind === 'signal' ? seconds.min : 0),
    queue: rule.queue,
    topic: rule.offerText,
  };
}

/** Validates the form into settings, or says what is wrong field by field. */
export function fromForm(
  form: SettingsForm,
  base: Settings,
): { ok: true; settings: Settings } | { ok: false; errors: FormErrors } {
  const seconds = form.secondsOnPage.trim() === '' ? Number.NaN : Number(form.secondsOnPage);
  const first = base.rules[0] ?? DEFAULT_RULE;
  const conditions = [
    ...first.conditions.filter((c) => !(c.kind === 'signal' && c.signal === 'visibleSeconds')),
    { kind: 'signal' as const, signal: 'visibleSeconds' as const, min: seconds },
  ];
  const candidate = {
    ...base,
    backend: { ...base.backend, url: form.backendUrl, contactCenterId: form.contactCenterId, nickname: form.nickname },
    rules: [{ ...first, include: [form.urlPattern], conditions, queue: form.queue, offerText: form.topic }, ...base.rules.slice(1)],
  };
  const parsed = SettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    const field =
      FIELD_OF_PATH[path] ??
      (/^rules\.0\.conditions\.\d+\.min$/.test(path) ? 'secondsOnPage' : path.startsWith('enabledSites') ? 'enabledSites' : undefined);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** The match pattern of a backend URL's host, for its runtime host permission. */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}
