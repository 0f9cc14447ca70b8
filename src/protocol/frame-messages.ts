/**
 * Hand-written checks of what crosses between the in-page host and its frame (both bundles
 * stay free of zod). The channel is private, but each side still takes only well-formed,
 * bounded values: a bug on one side must not become a broken page on the other.
 */
import { FRAME_INIT, MAX_FRAME_PX, MAX_FRAME_TITLE, type FrameCorner, type FrameInit, type FrameToHost, type FrameUiState, type HostToFrame, type Viewport } from './page-frame';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const px = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_FRAME_PX ? v : null);
/** Longest composer draft kept (the composer's own limit). */
const MAX_DRAFT = 4_000;

/** A remembered UI state, or null when it is not one. */
export function readUiState(v: unknown): FrameUiState | null {
  if (!isRecord(v) || typeof v.minimised !== 'boolean' || typeof v.draft !== 'string' || v.draft.length > MAX_DRAFT) return null;
  const closed = v.closedChatId;
  if (closed !== null && (typeof closed !== 'string' || closed.length > 100)) return null;
  return { minimised: v.minimised, closedChatId: closed, draft: v.draft };
}

/** A viewport, or null. */
export function readViewport(v: unknown): Viewport | null {
  if (!isRecord(v)) return null;
  const width = px(v.width);
  const height = px(v.height);
  return width === null || height === null ? null : { width, height };
}

const CORNERS: readonly FrameCorner[] = ['bottom-right', 'bottom-left'];
const isCorner = (v: unknown): v is FrameCorner => CORNERS.includes(v as FrameCorner);

/** Frame → host: a size, a state or a look; anything else is null. */
export function readFrameMessage(v: unknown): FrameToHost | null {
  if (!isRecord(v)) return null;
  if (v.type === 'size') {
    const width = px(v.width);
    const height = px(v.height);
    return width === null || height === null ? null : { type: 'size', width, height };
  }
  if (v.type === 'state') {
    const state = readUiState(v.state);
    return state ? { type: 'state', state } : null;
  }
  if (v.type === 'look') {
    // The title becomes the iframe's accessible name: bounded text, no control characters.
    const { corner, title } = v;
    if (!isCorner(corner) || typeof title !== 'string' || title.length > MAX_FRAME_TITLE || /\p{Cc}/u.test(title)) return null;
    return { type: 'look', corner, title };
  }
  return null;
}

/** Host → frame over the channel. */
export function readHostMessage(v: unknown): HostToFrame | null {
  if (!isRecord(v) || v.type !== 'viewport') return null;
  const viewport = readViewport(v.viewport);
  return viewport ? { type: 'viewport', viewport } : null;
}

/** Host → frame, the init that carries the channel. */
export function readFrameInit(v: unknown): FrameInit | null {
  if (!isRecord(v) || v.type !== FRAME_INIT || typeof v.secret !== 'string' || !/^[0-9a-f]{32}$/.test(v.secret)) return null;
  const viewport = readViewport(v.viewport);
  if (!viewport) return null;
  const state = v.state === null ? null : readUiState(v.state);
  if (v.state !== null && !state) return null;
  return { type: FRAME_INIT, secret: v.secret, viewport, state };
}
