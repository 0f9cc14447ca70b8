/**
 * Every chat backend adapter, registered once. Settings name one by `kind`; the contract
 * test suite runs over this list so an adapter cannot be added without being tested.
 */
import { createGwsBackend } from './gws';
import type { BackendConfig, BackendDeps, ChatBackend } from './types';

export const BACKENDS = {
  gws: { label: 'Genesys GWS Customer Chat API v2 (Beckon Sandbox)', create: createGwsBackend },
} satisfies Record<string, { label: string; create: (c: BackendConfig, d: BackendDeps) => ChatBackend }>;

/** Kinds of backend the settings may name. */
export type BackendKind = keyof typeof BACKENDS;

/** Creates the adapter named by `kind`. */
export function createBackend(kind: BackendKind, config: BackendConfig, deps: BackendDeps): ChatBackend {
  return BACKENDS[kind].create(config, deps);
}
