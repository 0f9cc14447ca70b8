import type { Look } from '../core/profiles/look';
import { lookOf } from '../core/profiles/look';
import { profileById, type Profile } from '../core/profiles/profile';

/**
 * The look of a profile on a page language, the same object every time while the settings stay
 * the same: a UI's delta then leaves the look (and its logo, up to 48 KB) out unless it changed
 * (src/protocol/view-delta.ts compares it by reference).
 */
export function lookCache(): (profiles: readonly Profile[], profileId: string | undefined, pageLang: string) => Look {
  const cache = new WeakMap<Profile, Map<string, Look>>();
  return (profiles, profileId, pageLang) => {
    const profile = profileById(profiles, profileId);
    let byLang = cache.get(profile);
    if (!byLang) cache.set(profile, (byLang = new Map()));
    let look = byLang.get(pageLang);
    if (!look) byLang.set(pageLang, (look = lookOf(profile, pageLang)));
    return look;
  };
}
