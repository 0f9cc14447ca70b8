/**
 * The backend part of the settings: which chat API (`kind`), and per kind what identifies
 * the client (GWS ContactCenterId, GMS service name). Version 2 settings stored before GMS
 * existed stay valid unchanged, and settings' `backend` creates its adapter as it is.
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS, createBackend } from '../../src/backends/registry';
import { BackendSettingsSchema, DEFAULT_GMS_SERVICE_NAME, DEFAULT_SETTINGS, settingsOrDefault, SettingsSchema, type Settings } from '../../src/core/settings';
import { checkSettings } from '../../src/ui/options/check-settings';

const gms = { kind: 'gms', url: 'https://gms.example.com:8080', serviceName: 'customer-support', nickname: 'Visitor' } as const;
const withBackend = (backend: unknown) => ({ ...structuredClone(DEFAULT_SETTINGS), backend });

describe('backend settings', () => {
  it('keeps version 2 GWS settings valid as they were stored (only CRM sync is added)', () => {
    const { crm: _crm, ...current } = withBackend({ kind: 'gws', url: 'http://127.0.0.1:7400', contactCenterId: 'cc-1', nickname: 'Guest' });
    const stored = { ...current, version: 2 };
    expect(settingsOrDefault(stored)).toEqual({ ...stored, version: 4, crm: DEFAULT_SETTINGS.crm, enabledSites: [...DEFAULT_SETTINGS.enabledSites] });
    expect(SettingsSchema.parse(DEFAULT_SETTINGS).backend.kind).toBe('gws');
  });

  it('accepts GMS with a service name, defaulting it to request-chat', () => {
    expect(settingsOrDefault(withBackend(gms)).backend).toEqual(gms);
    const { serviceName: _omitted, ...bare } = gms;
    expect(BackendSettingsSchema.parse(bare)).toEqual({ ...gms, serviceName: DEFAULT_GMS_SERVICE_NAME });
  });

  it('checks each kind for its own fields, and names the bad ones', () => {
    const issues = (backend: unknown) => checkSettings(withBackend(backend)).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ ...gms, serviceName: 'a/b' })).toEqual([
      'backend.serviceName: Service name may use only letters, digits, ".", "_" and "-", e.g. request-chat',
    ]);
    expect(issues({ ...gms, serviceName: ' ' })).toEqual(['backend.serviceName: Service name is required']);
    expect(issues({ ...gms, contactCenterId: 'cc-1' })).toEqual(['backend.contactCenterId: Unknown field']);
    expect(issues({ kind: 'gws', url: gms.url, serviceName: 'x', nickname: 'V' })).toEqual([
      'backend.contactCenterId: Missing', 'backend.serviceName: Unknown field',
    ]);
    expect(issues({ ...gms, kind: 'cloud' })).toEqual(['backend.kind: Chat API must be "gws" (GWS Customer Chat API v2) or "gms" (GMS Chat API v2)']);
  });

  it('every kind settings allow has an adapter, and settings create it as they are', () => {
    const kinds = BackendSettingsSchema.options.map((o) => o.shape.kind.value).sort();
    expect(Object.keys(BACKENDS).sort()).toEqual(kinds);
    const deps = { fetch };
    const backends: Settings['backend'][] = [DEFAULT_SETTINGS.backend, gms];
    expect(backends.map((b) => createBackend(b.kind, b, deps).kind)).toEqual(['gws', 'gms']);
  });
});
