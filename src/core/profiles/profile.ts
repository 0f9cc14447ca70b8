/**
 * Demo profiles (issue 13): how the widget looks and which language it speaks on a prospect's
 * site: brand name, colours, logo, corner, the offer's eyebrow, language. Each enabled site uses
 * one; the default profile is Beckon's own look. Validated with zod; colours that fail WCAG AA
 * contrast are refused with the pair and the shortfall.
 */
import { z } from 'zod';
import { contrastProblem } from './contrast';
import { LANGUAGES } from './languages';

/** The largest logo kept (a data URL in extension storage: never fetched from the network). */
export const MAX_LOGO_BYTES = 48 * 1024;
/** The widget's background behind accent-coloured text (links, the eyebrow): white. */
export const WIDGET_BACKGROUND = '#ffffff';

const colour = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c');
/** A logo: an image data URL, raster only (an SVG could carry script into an extension page). */
const logo = z
  .string()
  .regex(/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+=*$/, 'must be a PNG, JPEG, WebP or GIF image')
  .refine((s) => Math.floor(((s.length - s.indexOf(',') - 1) * 3) / 4) <= MAX_LOGO_BYTES, `must be at most ${MAX_LOGO_BYTES / 1024} KB`);

export const ProfileSchema = z
  .object({
    id: z.string().trim().regex(/^[a-z0-9-]{1,40}$/, 'must be 1–40 lower-case letters, digits or "-"'),
    /** What staff call it (the options page), e.g. the prospect's name. */
    name: z.string().trim().min(1, 'Profile name is required').max(80),
    /** Shown in the widget's title bar instead of "Beckon chat". */
    brand: z.string().trim().min(1, 'Brand name is required').max(60),
    accent: colour,
    /** Text on accent-coloured buttons and the title bar. */
    accentInk: colour,
    logo: logo.optional(),
    corner: z.enum(['bottom-right', 'bottom-left']),
    /** The offer card's small heading; empty: the language's own ("Need a hand?"). */
    eyebrow: z.string().trim().max(60),
    language: z.enum([...LANGUAGES, 'page']),
  })
  .superRefine((p, ctx) => {
    const ink = contrastProblem('Text on accent', p.accentInk, p.accent);
    if (ink) ctx.addIssue({ code: 'custom', path: ['accentInk'], message: ink });
    const onWhite = contrastProblem('Accent on the white widget', p.accent, WIDGET_BACKGROUND);
    if (onWhite) ctx.addIssue({ code: 'custom', path: ['accent'], message: onWhite });
  });
export type Profile = z.infer<typeof ProfileSchema>;

/** The id of the profile every site uses unless told otherwise. */
export const DEFAULT_PROFILE_ID = 'default';

/** Beckon's own look: what every site had before profiles. */
export const DEFAULT_PROFILE: Profile = {
  id: DEFAULT_PROFILE_ID, name: 'Beckon (default)', brand: 'Beckon chat', accent: '#4338ca', accentInk: '#ffffff',
  corner: 'bottom-right', eyebrow: '', language: 'en',
};

/** The profile `id` names, else the default one (a site whose profile was deleted falls back to it). */
export function profileById(profiles: readonly Profile[], id: string | undefined): Profile {
  return profiles.find((p) => p.id === id) ?? profiles.find((p) => p.id === DEFAULT_PROFILE_ID) ?? DEFAULT_PROFILE;
}
