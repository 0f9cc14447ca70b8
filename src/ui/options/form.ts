import { SettingsSchema, type Settings } from '../../core/settings';

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
  'rule.urlPattern': 'urlPattern',
  'rule.secondsOnPage': 'secondsOnPage',
  'rule.queue': 'queue',
  'rule.topic': 'topic',
};

/** The form showing `s`. */
export function toForm(s: Settings): SettingsForm {
  return {
    backendUrl: s.backend.url,
    contactCenterId: s.backend.contactCenterId,
    nickname: s.backend.nickname,
    urlPattern: s.rule.urlPattern,
    secondsOnPage: String(s.rule.secondsOnPage),
    queue: s.rule.queue,
    topic: s.rule.topic,
  };
}

/** Validates the form into settings, or says what is wrong field by field. */
export function fromForm(
  form: SettingsForm,
  base: Settings,
): { ok: true; settings: Settings } | { ok: false; errors: FormErrors } {
  const seconds = form.secondsOnPage.trim() === '' ? Number.NaN : Number(form.secondsOnPage);
  const candidate = {
    ...base,
    backend: { ...base.backend, url: form.backendUrl, contactCenterId: form.contactCenterId, nickname: form.nickname },
    rule: { ...base.rule, urlPattern: form.urlPattern, secondsOnPage: seconds, queue: form.queue, topic: form.topic },
  };
  const parsed = SettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    const field = FIELD_OF_PATH[path] ?? (path.startsWith('enabledSites') ? 'enabledSites' : undefined);
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
