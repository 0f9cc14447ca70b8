import { useState } from 'preact/hooks';
import { DEFAULT_PROFILE, DEFAULT_PROFILE_ID, type Profile } from '../../core/profiles/profile';
import { sitesUsingProfile, type Settings } from '../../core/settings';
import { useStaffT } from '../i18n/staff';
import { DemoTransfer } from './DemoTransfer';
import { ProfileEditor } from './ProfileEditor';

/** Props of {@link ProfilesSection}. */
export interface ProfilesSectionProps {
  saved: Settings;
  /** Saves the profiles at once. */
  onStoreProfiles: (profiles: Profile[]) => Promise<void>;
  /** Saves settings a demo import made (its new sites' permissions must be requested in the click). */
  onImportDemo: (settings: Settings) => Promise<string | null>;
}

/** A fresh id for a new profile. */
const newId = (profiles: readonly Profile[]) => {
  for (let n = profiles.length; ; n++) if (!profiles.some((p) => p.id === `profile-${n}`)) return `profile-${n}`;
};

/**
 * Demo profiles: pick one to edit, add one (Beckon's look to start from), delete one (its sites
 * fall back to the default), and move a whole demo between browsers (DemoTransfer). Each site
 * chooses its profile under Enabled sites.
 */
export function ProfilesSection({ saved, onStoreProfiles, onImportDemo }: ProfilesSectionProps) {
  const t = useStaffT();
  const [selected, setSelected] = useState(DEFAULT_PROFILE_ID);
  const profiles = saved.profiles;
  const current = profiles.find((p) => p.id === selected) ?? profiles[0]!;
  const usedBy = sitesUsingProfile(saved, current.id);
  const add = () => {
    const id = newId(profiles);
    void onStoreProfiles([...profiles, { ...DEFAULT_PROFILE, id, name: t('options.profiles.newName', { n: profiles.length }) }]).then(() => setSelected(id));
  };
  const remove = () => {
    if (current.id === DEFAULT_PROFILE_ID) return;
    void onStoreProfiles(profiles.filter((p) => p.id !== current.id)).then(() => setSelected(DEFAULT_PROFILE_ID));
  };
  return (
    <section class="card" id="profiles" aria-labelledby="profiles-title">
      <h2 id="profiles-title">{t('options.section.profiles')}</h2>
      <p class="section-intro">{t('options.profiles.intro')}</p>
      <div class="row">
        <label for="profile-pick">{t('options.profiles.pick')}</label>
        <select id="profile-pick" value={current.id} data-testid="options-profile-pick" onChange={(e) => setSelected((e.currentTarget as HTMLSelectElement).value)}>
          {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <button type="button" class="secondary" data-testid="options-profile-add" onClick={add}>{t('options.profiles.add')}</button>
        <button type="button" class="secondary" data-testid="options-profile-delete" disabled={current.id === DEFAULT_PROFILE_ID} onClick={remove}
          title={current.id === DEFAULT_PROFILE_ID ? t('options.profiles.defaultStays') : undefined}>
          {t('options.profiles.delete')}
        </button>
      </div>
      <p class="hint" data-testid="options-profile-used">
        {usedBy.length === 0 ? t('options.profiles.unused') : t('options.profiles.usedOn', { sites: usedBy.join(', ') })}
      </p>
      <ProfileEditor key={current.id} profile={current} onSave={(p) => onStoreProfiles(profiles.map((x) => (x.id === p.id ? p : x)))} />
      <DemoTransfer saved={saved} profileId={current.id} onImport={onImportDemo} onImported={setSelected} />
    </section>
  );
}
