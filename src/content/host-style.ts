/**
 * The inline style of the in-page host element. Every declaration is `!important` and set in
 * the `style` attribute: element-attached important declarations win over every rule of the
 * page's style sheets, `!important` or not, layered or not (CSS Cascade 5, §6.4), and
 * `transition: none` keeps the page from animating it away. `all: initial` comes first so no
 * property is left for a page rule to set; the ones that matter are then named explicitly.
 */
import { MAX_FRAME_PX, type FrameCorner } from '../protocol/page-frame';

/** What decides the host's box. */
export interface HostBox {
  /** Size the frame asked for, in CSS px (0: nothing to show). */
  width: number;
  height: number;
  /** 1 / the zoom the page put on `<html>`, so the widget keeps its own size. */
  zoom: number;
  /** Distance from the viewport's corner. */
  inset: number;
  /** Which corner: the demo profile's (bottom right unless it says bottom left). */
  corner: FrameCorner;
}


const px = (n: number) => `${Math.round(Math.min(MAX_FRAME_PX, Math.max(0, n)))}px`;

/** The host's `style` attribute for a box: visible and clickable only when it has a size. */
export function hostStyle(box: HostBox): string {
  const shown = box.width > 0 && box.height > 0;
  const zoom = Number.isFinite(box.zoom) && box.zoom > 0 ? box.zoom : 1;
  const rules: [string, string][] = [
    ['all', 'initial'],
    ['display', 'block'],
    ['position', 'fixed'],
    // top right bottom left: only the corner's two sides are set, physical whatever the page's direction.
    ['inset', box.corner === 'bottom-left' ? `auto auto ${px(box.inset)} ${px(box.inset)}` : `auto ${px(box.inset)} ${px(box.inset)} auto`],
    ['width', px(box.width)],
    ['height', px(box.height)],
    ['min-width', '0'],
    ['min-height', '0'],
    ['max-width', 'none'],
    ['max-height', 'none'],
    ['margin', '0'],
    ['padding', '0'],
    ['border', '0'],
    ['box-sizing', 'content-box'],
    ['background', 'transparent'],
    ['overflow', 'visible'],
    ['visibility', shown ? 'visible' : 'hidden'],
    ['opacity', '1'],
    ['transform', 'none'],
    ['translate', 'none'],
    ['rotate', 'none'],
    ['scale', 'none'],
    ['filter', 'none'],
    ['backdrop-filter', 'none'],
    ['clip-path', 'none'],
    ['mask', 'none'],
    ['mix-blend-mode', 'normal'],
    ['zoom', String(zoom)],
    ['pointer-events', shown ? 'auto' : 'none'],
    ['direction', 'ltr'],
    ['unicode-bidi', 'isolate'],
    ['writing-mode', 'horizontal-tb'],
    ['z-index', '2147483647'],
    ['content-visibility', 'visible'],
    ['contain', 'none'],
    ['transition', 'none'],
    ['animation', 'none'],
    ['color-scheme', 'normal'],
  ];
  return rules.map(([name, value]) => `${name}: ${value} !important;`).join(' ');
}

/**
 * The iframe's style. It lives in the closed shadow root, where no page rule reaches; only
 * inherited values could, and the host's `all: initial` cuts those off.
 */
export const FRAME_STYLE =
  'display: block; width: 100%; height: 100%; border: 0; margin: 0; padding: 0; background: transparent; color-scheme: normal;';
