/**
 * Every chat backend adapter, registered once. Settings name one by `kind`; the contract
 * test suite runs over this list so an adapter cannot be added without being tested.
 */
import type { BackendSettings } from '../core/settings';
import { createGmsBackend } from './gms';
import { createGwsBackend } from './gws';
import type { BackendConfig, BackendDeps, ChatBackend } from './types';

/** Keyed by exactly the kinds settings allow: adding one on either side alone fails to compile. */
export const BACKENDS = {
  gws: { label: 'Genesys GWS Customer Chat API v2 (Beckon Sandbox)', create: createGwsBackend },
  gms: { label: 'Genesys GMS Chat API v2 (Beckon Sandbox)', create: createGmsBackend },
} satisfies Record<BackendSettings['kind'], { label: string; create: (c: BackendConfig, d: BackendDeps) => ChatBackend }>;

/** Kinds of backend the settings may name. */
export type BackendKind = keyof typeof BACKENDS;

/** Creates the adapter named by `kind` (settings' `backend` is a valid `config` as it is). */
export function createBackend(kind: BackendKind, config: BackendConfig, deps: BackendDeps): ChatBackend {
  return BACKENDS[kind].create(config, deps);
}
