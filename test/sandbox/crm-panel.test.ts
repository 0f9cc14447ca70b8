// @vitest-environment happy-dom
/** The console's CRM panel (rendered with happy-dom, the agent API mocked) and the desk state's CRM revisions. */
import { type ComponentChild, h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrmPanel } from '../../sandbox/console/components/CrmPanel.tsx';
import { applyEvent, emptyDesk } from '../../sandbox/console/state.ts';
import type { CrmInteraction } from '../../sandbox/crm/types.ts';

let root: HTMLElement;
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const creds = { name: 'alice', password: 'alice' };

let answer: CrmInteraction | null = null;
const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify({ crm: answer, statusCode: 0 })));
vi.stubGlobal('fetch', fetchMock);

const panel = (revision: string): ComponentChild => h(CrmPanel, { chatId: 'chat/1', creds, revision });
afterEach(() => {
  render(null, root);
  root.remove();
  fetchMock.mockClear();
});

const interaction: CrmInteraction = {
  interactionId: 'I-7', interactionClass: 'PegaCA-Work-Interaction-Call', flowName: 'CPMInteraction',
  params: { IsExternalAPICall: 'true', ChatId: 'chat/1', AccountNumber: '1234567890', ContactId: 'CONT-1', Note: '<b>bold</b>' },
  createdAt: 1_700_000_000_000, switches: [],
};

describe('CrmPanel', () => {
  it('shows the chat’s interaction, then follows its switches and end on each new revision', async () => {
    answer = interaction;
    root = document.createElement('div');
    document.body.append(root);
    await act(() => render(panel('live:0'), root));
    await flush();
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v2/me/interactions/chat%2F1/crm');
    expect((fetchMock.mock.calls[0]![1]!.headers as Record<string, string>).Authorization).toMatch(/^Basic /);
    expect(byTestId('crm-panel')!.dataset.state).toBe('open');
    expect(byTestId('crm-interaction-id')!.textContent).toBe('I-7');
    expect(byTestId('crm-class-flow')!.textContent).toBe('PegaCA-Work-Interaction-Call / CPMInteraction');
    const params = [...root.querySelectorAll<HTMLElement>('[data-testid="crm-param"]')];
    expect(params.map((p) => p.dataset.key)).toEqual(['ContactId', 'AccountNumber', 'ChatId', 'IsExternalAPICall', 'Note']);
    // Params come from a visited page: text, never markup.
    expect(root.querySelector('b')).toBeNull();
    expect(byTestId('crm-switches')!.textContent).toBe('none');

    answer = { ...interaction, switches: [1_700_000_001_000], endedAt: 1_700_000_002_000, transcript: [{ at: 1, from: 'visitor', nickname: 'Jane', text: 'hi' }] };
    await act(() => render(panel('live:1'), root));
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(byTestId('crm-panel')!.dataset.state).toBe('ended');
    expect(byTestId('crm-switches')!.dataset.count).toBe('1');
    expect(byTestId('crm-status')!.textContent).toMatch(/^Ended at .* \(transcript: 1 line\)$/);
  });

  it('says when the chat has no CRM interaction yet', async () => {
    answer = null;
    root = document.createElement('div');
    document.body.append(root);
    await act(() => render(panel('live:0'), root));
    await flush();
    expect(byTestId('crm-panel')!.dataset.state).toBe('none');
    expect(byTestId('crm-none')).not.toBeNull();
    expect(byTestId('crm-interaction-id')).toBeNull();
  });
});

describe('desk state', () => {
  it('counts CrmInteractionUpdated per chat and ignores malformed ones', () => {
    const ev = (data: unknown) => ({ event: 'CrmInteractionUpdated', data: JSON.stringify(data) });
    let s = applyEvent(emptyDesk, ev({ interactionId: 'I-1', chatId: 'c1' }));
    s = applyEvent(s, ev({ interactionId: 'I-1', chatId: 'c1' }));
    s = applyEvent(s, ev({ interactionId: 'I-2', chatId: 'c2' }));
    expect(s.crm).toEqual({ c1: 2, c2: 1 });
    expect(applyEvent(s, ev({ interactionId: 'I-3' }))).toBe(s);
  });
});
