/**
 * One contract for every CRM connector of the registry, each against a real peer: the
 * Sandbox CRM (a running Sandbox), the webhook (a local receiver), and the Pega desktop (the
 * fixture page's window.pega.CS in a happy-dom window, reached through the real relay and the
 * real main-world bridge, serialized as executeScript serializes it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CRM, type CrmSettings } from '../../src/core/crm/settings';
import { CRM_REGISTRY } from '../../src/crm/registry';
import { CrmError, type CrmConnector } from '../../src/crm/types';
import { startWebhookReceiver } from '../e2e/support/webhook-receiver';
import { startPegaDesktopFixture } from '../e2e/support/pega-desktop-fixture';
import { startTestSandbox } from '../sandbox/helpers';
import { openPegaDesktop } from './crm-pega-harness';

/** What the contract needs of each connector's peer. */
interface Peer {
  connector: CrmConnector;
  /** The same connector pointed at a peer that is not there. */
  unreachable: CrmConnector;
  /** Lifecycle calls the peer saw for an interaction, in order. */
  seen(interactionId: string): Promise<string[]>;
  /** Interactions the peer created for a ChatId. */
  created(chatId: string): Promise<number>;
  close(): Promise<void>;
}

const env = (pega?: ReturnType<typeof openPegaDesktop> extends Promise<infer P> ? P : never) => ({
  fetch,
  timeoutMs: 2_000,
  pegaDesktop: () => pega?.call ?? (async () => { throw new CrmError('No Pega desktop tab is open', true); }),
});
const settings = (patch: Partial<CrmSettings>): CrmSettings => ({ ...DEFAULT_CRM, ...patch });

const PEERS: Record<keyof typeof CRM_REGISTRY, () => Promise<Peer>> = {
  async sandbox() {
    const t = await startTestSandbox();
    const crm = settings({ connector: 'sandbox', sandbox: { url: t.sb.url, token: DEFAULT_CRM.sandbox.token } });
    const list = async (chatId?: string) =>
      ((await (await fetch(`${t.sb.url}/api/crm/interactions${chatId ? `?chatId=${chatId}` : ''}`, { headers: { Authorization: `Bearer ${crm.sandbox.token}` } })).json()) as any).interactions as any[];
    return {
      connector: CRM_REGISTRY.sandbox.create(crm, env()),
      unreachable: CRM_REGISTRY.sandbox.create({ ...crm, sandbox: { ...crm.sandbox, url: 'http://127.0.0.1:9' } }, env()),
      async seen(id) {
        const i = (await list()).find((x) => x.interactionId === id);
        return i ? ['start', ...i.switches.map(() => 'switch'), ...(i.endedAt ? [`end:${i.transcript.length}`] : [])] : [];
      },
      created: async (chatId) => (await list(chatId)).length,
      close: () => t.stop(),
    };
  },
  async webhook() {
    const rx = await startWebhookReceiver({ secret: 'contract-secret' });
    const crm = settings({ connector: 'webhook', webhook: { url: `${rx.url}/hooks`, headers: [{ name: 'X-Tenant', value: 'demo' }], secret: 'contract-secret' } });
    const events = () => rx.received().filter((r) => r.signatureValid).map((r) => r.json as any);
    return {
      connector: CRM_REGISTRY.webhook.create(crm, env()),
      unreachable: CRM_REGISTRY.webhook.create({ ...crm, webhook: { ...crm.webhook, url: 'http://127.0.0.1:9/hooks' } }, env()),
      async seen(id) {
        const started = events().find((e) => e.type === 'interaction.started' && `W-${e.id}` === id);
        const later = events().filter((e) => e.interactionId === id).map((e) => (e.type === 'interaction.ended' ? `end:${e.transcript.length}` : 'switch'));
        return started ? ['start', ...later] : [];
      },
      // The receiver dedups by event id: count distinct ids.
      created: async (chatId) => new Set(events().filter((e) => e.type === 'interaction.started' && e.params.ChatId === chatId).map((e) => e.id)).size,
      close: () => rx.close(),
    };
  },
  async pega() {
    const fx = await startPegaDesktopFixture();
    const desk = await openPegaDesktop(fx.pageUrl());
    const calls = () => desk.calls();
    return {
      connector: CRM_REGISTRY.pega.create(settings({ connector: 'pega', pega: { portal: 'http://127.0.0.1/pega-desktop.html*', timeoutSeconds: 2 } }), env(desk)),
      unreachable: CRM_REGISTRY.pega.create(settings({ connector: 'pega' }), env()),
      async seen(id) {
        const started = calls().some((c) => c.method === 'startInteraction' && c.reply?.interactionId === id);
        // pega.CS.endInteraction takes no transcript: the desktop keeps its own.
        const later = calls().filter((c) => c.method !== 'startInteraction' && c.args[0] === id).map((c) => (c.method === 'endInteraction' ? 'end:0' : 'switch'));
        return started ? ['start', ...later] : [];
      },
      created: async (chatId) => calls().filter((c) => c.method === 'startInteraction' && (c.args[2] as any).ChatId === chatId).length,
      close: async () => {
        await desk.close();
        await fx.close();
      },
    };
  },
};

const transcript = [
  { at: 1_700_000_000_000, from: 'visitor', nickname: 'Jane', text: 'A question about my bill' },
  { at: 1_700_000_001_000, from: 'agent', nickname: 'Alice', text: 'Happy to help.' },
];

describe.each(Object.keys(PEERS) as (keyof typeof PEERS)[])('CRM connector contract: %s', (kind) => {
  let peer: Peer;
  beforeAll(async () => {
    peer = await PEERS[kind]();
  });
  afterAll(() => peer.close());
  const start = (key: string, chatId: string) =>
    peer.connector.startInteraction({
      idempotencyKey: key, interactionClass: DEFAULT_CRM.interactionClass, flowName: DEFAULT_CRM.flowName,
      params: { ContactId: 'CONT-1', AccountNumber: 'ACCT-1001', ChatId: chatId, IsExternalAPICall: 'true' },
    });

  it('starts, switches and ends an interaction, in that order', async () => {
    const { interactionId } = await start(`${kind}-start-1`, `${kind}-chat-1`);
    expect(interactionId).toMatch(/\S/);
    await peer.connector.switchInteraction(interactionId, `${kind}-switch-1`);
    await peer.connector.endInteraction(interactionId, `${kind}-end-1`, transcript);
    const ended = kind === 'pega' ? 'end:0' : `end:${transcript.length}`;
    expect(await peer.seen(interactionId)).toEqual(['start', 'switch', ended]);
  });

  it('never creates an interaction twice for one idempotency key', async () => {
    const first = await start(`${kind}-start-2`, `${kind}-chat-2`);
    const again = await start(`${kind}-start-2`, `${kind}-chat-2`);
    expect(again.interactionId).toBe(first.interactionId);
    expect(await peer.created(`${kind}-chat-2`)).toBe(1);
  });

  it('says what Test connection checked', async () => {
    expect(await peer.connector.testConnection()).toMatch(/\w+.*\./);
  });

  it('reports an unreachable CRM as a retryable CrmError', async () => {
    const down = await peer.unreachable.startInteraction({ idempotencyKey: 'k', interactionClass: 'C', flowName: 'F', params: {} }).then(() => null, (e: unknown) => e);
    expect(down).toBeInstanceOf(CrmError);
    expect((down as CrmError).retryable).toBe(true);
    await expect(peer.unreachable.testConnection()).rejects.toBeInstanceOf(CrmError);
  });

  it('refuses to switch an interaction it does not have, as a CrmError', async () => {
    const refusal = await peer.connector.switchInteraction('I-does-not-exist', `${kind}-switch-x`).then(() => null, (e: unknown) => e);
    // A webhook cannot know: it accepts whatever it is sent.
    if (kind === 'webhook') expect(refusal).toBeNull();
    else expect((refusal as CrmError).retryable).toBe(false);
  });
});
