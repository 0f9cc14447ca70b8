/**
 * Colour contrast as WCAG 2.x defines it (relative luminance of sRGB colours, ratio
 * (L1 + 0.05) / (L2 + 0.05)), for the brand colours of a demo profile. Pure.
 */

/** WCAG AA for normal text. */
export const AA_TEXT_RATIO = 4.5;

/** `#rgb` or `#rrggbb` as [r, g, b] 0–255, or null. */
export function parseHex(colour: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

const channel = (v: number) => {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance of an sRGB colour. */
export function luminance([r, g, b]: [number, number, number]): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two `#rrggbb` colours (1–21), or null when one is not a colour. */
export function contrastRatio(a: string, b: string): number | null {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return null;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Why two colours may not be used for text on each other (below AA, 4.5:1), naming the pair and
 * how far short it falls; null when they pass.
 */
export function contrastProblem(pair: string, foreground: string, background: string): string | null {
  const ratio = contrastRatio(foreground, background);
  if (ratio === null) return `${pair}: ${parseHex(foreground) ? background : foreground} is not a colour like #1a2b3c`;
  if (ratio >= AA_TEXT_RATIO) return null;
  return `${pair} contrast is ${ratio.toFixed(2)}:1, below the 4.5:1 that WCAG AA asks for text (${(AA_TEXT_RATIO - ratio).toFixed(2)} short)`;
}
