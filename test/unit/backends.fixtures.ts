/**
 * What the adapter contract suite needs to know about each dialect: where they differ by
 * design (codes, credentials, long-poll, which user data calls exist). A Record over the
 * registry's kinds, so an adapter cannot be registered without saying how it behaves.
 */
import type { BackendKind } from '../../src/backends/registry';
import type { ChatBackend } from '../../src/backends/types';
import { fakeServer, type FakeServer } from './backends.fake-server';

/** The chat request every contract test starts with. */
export const request = { nickname: 'Visitor', subject: 'Bills', queue: 'Billing', userData: { 'Page Name': 'Bill Payment' } };

/** Makes an adapter for the test's Sandbox, optionally with another ContactCenterId. */
export type MakeForSandbox = (contactCenterId?: string) => ChatBackend;

/** How one dialect differs. */
export interface Fixture {
  /** The `code` of "no such chat" (GWS statusCode 6; GMS has only 1 and 2). */
  notFoundCode: number;
  /** The `code` of credentials the server refuses. */
  refusedCode: number;
  /** Makes a call with credentials the server refuses; its message must match `refusedMessage`. */
  refuse(make: MakeForSandbox): Promise<unknown>;
  refusedMessage: RegExp;
  /** Whether the Sandbox long-polls in this dialect. */
  longPoll: boolean;
  /** Whether the dialect can change user data after the chat started (GMS `updateData`; on GWS a Sandbox extra). */
  setsUserData: boolean;
  /** Whether the dialect can read user data back and delete it (GMS Chat API v2 can only set it; on GWS a Sandbox extra). */
  readsAndDeletesUserData: boolean;
  /** The most characters of a user data value and key, and the most keys, the adapter sends (src/backends/README.md). */
  userDataValueMax: number;
  userDataKeyMax: number;
  userDataKeysMax: number;
}

/** The Sandbox's user data limits, which both dialects' adapters keep to (no Genesys document gives one). */
const SANDBOX_USER_DATA_LIMITS = { userDataValueMax: 1000, userDataKeyMax: 200, userDataKeysMax: 50 };

export const FIXTURES: Record<BackendKind, Fixture> = {
  gws: {
    notFoundCode: 6,
    refusedCode: 3,
    refuse: (make) => make('wrong').requestChat(request),
    refusedMessage: /ContactCenterId/,
    longPoll: true,
    setsUserData: true,
    readsAndDeletesUserData: true,
    ...SANDBOX_USER_DATA_LIMITS,
  },
  gms: {
    notFoundCode: 2,
    refusedCode: 2,
    // Another chat's credentials, handed to an adapter that knows neither chat.
    refuse: async (make) => {
      const a = await make().requestChat(request);
      const b = await make().requestChat(request);
      return make().fetchEvents(a.chatId, { session: b.session! });
    },
    refusedMessage: /userId, secureKey or alias does not match/,
    longPoll: false,
    setsUserData: true,
    readsAndDeletesUserData: false,
    ...SANDBOX_USER_DATA_LIMITS,
  },
};

/**
 * The fixture of a dialect against a vendor-exact Sandbox (only what the Genesys documents
 * describe): no long-poll, no user data changes the GWS customer API does not document, and
 * error replies without the Sandbox's explanatory `statusMessage` on GMS.
 */
export function fixtureFor(kind: BackendKind, vendorExact: boolean): Fixture {
  const fx = FIXTURES[kind];
  if (!vendorExact) return fx;
  return {
    ...fx,
    longPoll: false,
    ...(kind === 'gws' ? { setsUserData: false, readsAndDeletesUserData: false } : { refusedMessage: /Chat server error 2/ }),
  };
}

/** A server that answers every request with the given JSON text: for malformed-reply cases. */
export const garbageServer = (body: string, status = 200): Promise<FakeServer> =>
  fakeServer(() => ({ status, raw: body }));
