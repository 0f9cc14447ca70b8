import { useState } from 'preact/hooks';
import { LANGUAGES, LANGUAGE_NAMES } from '../../core/profiles/languages';
import { MAX_LOGO_BYTES, ProfileSchema, type Profile } from '../../core/profiles/profile';
import { useStaffT } from '../i18n/staff';
import { RadioGroup, Select } from './Controls';
import { ErrorsContext, Field, FieldNotes, useFieldState } from './Field';
import { ProfilePreview } from './ProfilePreview';

/** Props of {@link ProfileEditor}. */
export interface ProfileEditorProps {
  profile: Profile;
  /** Saves the validated profile; resolves when stored. */
  onSave: (profile: Profile) => Promise<void>;
}

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/** A colour: the browser's picker and the hex code, kept in step. */
function ColourField({ field, label, value, onInput }: { field: string; label: string; value: string; onInput: (v: string) => void }) {
  const t = useStaffT();
  const { id } = useFieldState(field, false);
  return (
    <div class="colour-field">
      <Field field={field} label={label} value={value} onInput={onInput} testId={`options-${field.replace('.', '-')}`} class="narrow" />
      <input type="color" aria-label={t('options.profile.picker', { colour: label })} value={/^#[0-9a-f]{6}$/i.test(value) ? value : '#000000'}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} aria-controls={id} />
    </div>
  );
}

/** The logo: a file picker, the current image, Remove; its errors come from the editor's context. */
function LogoField({ logo, onPick, onRemove }: { logo: string | undefined; onPick: (f: File | undefined) => void; onRemove: () => void }) {
  const t = useStaffT();
  const { id, errors, describedBy } = useFieldState('profile.logo', true);
  return (
    <div class={`field${errors ? ' invalid' : ''}`}>
      <label for={id}>{t('options.profile.logo')}</label>
      <input id={id} type="file" accept={LOGO_TYPES.join(',')} aria-describedby={describedBy} data-testid="options-profile-logo"
        onChange={(e) => onPick((e.currentTarget as HTMLInputElement).files?.[0])} />
      {logo ? (
        <span class="logo-preview">
          <img src={logo} alt="" width={32} height={32} />
          <button type="button" class="secondary" onClick={onRemove}>{t('options.profile.removeLogo')}</button>
        </span>
      ) : null}
      <FieldNotes id={id} hint={t('options.profile.logoHint', { kb: MAX_LOGO_BYTES / 1024 })} errors={errors} />
    </div>
  );
}

/**
 * One demo profile's fields: brand, colours (refused below WCAG AA contrast, saying which pair
 * and by how much), logo (a raster image from a file, at most 48 KB, kept in extension storage),
 * corner, eyebrow and language. Saved with its own button, after validation.
 */
export function ProfileEditor({ profile, onSave }: ProfileEditorProps) {
  const t = useStaffT();
  const [draft, setDraft] = useState<Profile>(profile);
  const [errors, setErrors] = useState<Map<string, string[]>>(new Map());
  const [status, setStatus] = useState<string | null>(null);
  const set = (patch: Partial<Profile>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setStatus(null);
  };
  const pickLogo = (file: File | undefined) => {
    if (!file) return;
    const problem = !LOGO_TYPES.includes(file.type) ? t('options.profile.logoType', { file: file.name })
      : file.size > MAX_LOGO_BYTES ? t('options.profile.logoSize', { file: file.name, kb: Math.ceil(file.size / 1024), max: MAX_LOGO_BYTES / 1024 }) : null;
    if (problem) return setErrors(new Map([['profile.logo', [problem]]]));
    const reader = new FileReader();
    reader.onload = () => set({ logo: String(reader.result) });
    reader.readAsDataURL(file);
  };
  const save = () => {
    const parsed = ProfileSchema.safeParse(draft);
    if (!parsed.success) {
      const byField = new Map<string, string[]>();
      for (const i of parsed.error.issues) {
        const key = `profile.${String(i.path[0] ?? 'name')}`;
        byField.set(key, [...(byField.get(key) ?? []), i.message]);
      }
      setErrors(byField);
      setStatus(t('options.profile.fix'));
      return;
    }
    setErrors(new Map());
    void onSave(parsed.data).then(() => setStatus(t('options.status.saved')), (e: unknown) => setStatus(t('options.status.failed', { error: String(e) })));
  };
  return (
    <ErrorsContext.Provider value={errors}>
      <div class="profile-editor" data-testid="options-profile-editor">
        <Field field="profile.name" label={t('options.profile.name')} value={draft.name} onInput={(name) => set({ name })} testId="options-profile-name" />
        <Field field="profile.brand" label={t('options.profile.brand')} value={draft.brand} onInput={(brand) => set({ brand })} testId="options-profile-brand"
          hint={t('options.profile.brandHint')} />
        <div class="row">
          <ColourField field="profile.accent" label={t('options.profile.accent')} value={draft.accent} onInput={(accent) => set({ accent })} />
          <ColourField field="profile.accentInk" label={t('options.profile.accentInk')} value={draft.accentInk} onInput={(accentInk) => set({ accentInk })} />
        </div>
        <LogoField logo={draft.logo} onPick={pickLogo} onRemove={() => set({ logo: undefined })} />
        <RadioGroup field="profile.corner" legend={t('options.profile.corner')} value={draft.corner} inline onChange={(corner) => set({ corner })} choices={[
          { value: 'bottom-right', label: t('options.profile.corner.right'), testId: 'options-profile-corner-right' },
          { value: 'bottom-left', label: t('options.profile.corner.left'), testId: 'options-profile-corner-left' },
        ]} />
        <Field field="profile.eyebrow" label={t('options.profile.eyebrow')} value={draft.eyebrow} onInput={(eyebrow) => set({ eyebrow })} testId="options-profile-eyebrow"
          hint={t('options.profile.eyebrowHint')} />
        {/* Each language by its own name (core's LANGUAGE_NAMES): the same whatever the page's language. */}
        <Select field="profile.language" label={t('options.profile.language')} value={draft.language} testId="options-profile-language" onChange={(language) => set({ language })}
          choices={[{ value: 'page', label: t('options.profile.pageLanguage') }, ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))]} />
        <div class="row">
          <button type="button" data-testid="options-profile-save" onClick={save}>{t('options.profile.save')}</button>
          <span role="status" class="status" data-testid="options-profile-status">{status ?? ''}</span>
        </div>
        <ProfilePreview profile={draft} />
      </div>
    </ErrorsContext.Provider>
  );
}
