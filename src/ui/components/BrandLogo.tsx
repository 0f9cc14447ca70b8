import type { Look } from '../../core/profiles/look';

/** Raster images inline only: never a URL the UI would fetch, never an SVG (it could carry script). */
const RASTER = /^data:image\/(?:png|jpeg|webp|gif);base64,/;

/** The demo profile's logo or agent avatar (a data URL kept in extension storage), named after the brand. */
export function BrandLogo({ look, size }: { look: Look; size: number }) {
  if (!look.logo || !RASTER.test(look.logo)) return null;
  return <img class="bk-logo" src={look.logo} alt={look.brand} width={size} height={size} data-testid="beckon-logo" />;
}
