import { describe, expect, it } from 'vitest';
import { bannerLines, type BannerInfo } from '../../scripts/lib/banner.ts';

const info: BannerInfo = {
  sandboxUrl: 'http://127.0.0.1:7400',
  port: 7400,
  contactCenterId: 'cc-1',
  crmToken: 'crm-token-1',
  agents: [{ name: 'alice', password: 'pw' }],
  dataDir: '/p/.beckon/sandbox-data',
  consoleUrl: 'http://127.0.0.1:7400/console/',
  siteUrl: 'http://127.0.0.1:7400/demo/',
  demo: true,
  browserPath: '/usr/bin/chromium',
  headless: false,
  profileDir: '/p/.beckon/chromium-profile',
  extensionDir: '/p/.output/chrome-mv3',
  extensionId: 'abc',
};

describe('bannerLines', () => {
  it('says what runs where and how to stop', () => {
    const text = bannerLines(info).join('\n');
    for (const part of ['http://127.0.0.1:7400', 'cc-1', 'http://127.0.0.1:7400/api/crm/   (Authorization: Bearer crm-token-1)', 'alice / pw', '/console/', 'Demo site', '/p/.beckon/chromium-profile', '(id abc)', 'Ctrl-C']) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('Note:');
    expect(text).not.toContain('Autopilot');
  });

  it('names the autopilot scripts a solo demo runs', () => {
    const text = bannerLines({ ...info, autopilot: ['billing.yaml', 'loans.yaml'] }).join('\n');
    expect(text).toMatch(/Autopilot +billing\.yaml, loans\.yaml {3}\(a scripted agent on each script's queue\)/);
  });

  it('warns when the port or the site differ from what the extension expects', () => {
    const text = bannerLines({ ...info, port: 7500, sandboxUrl: 'http://127.0.0.1:7500', demo: false, siteUrl: 'https://shop.example/a' }).join('\n');
    expect(text).toContain('options page');
    expect(text).toContain('https://shop.example');
  });

  it('needs no port note once the extension was pointed at the Sandbox', () => {
    const text = bannerLines({ ...info, port: 7500, sandboxUrl: 'http://127.0.0.1:7500', pointed: true }).join('\n');
    expect(text).not.toContain('Note:');
  });
});
