/** The "what runs where" block `npm start` prints once everything is up. Pure. */
import { DEFAULT_PORT } from './args.ts';

export interface BannerInfo {
  sandboxUrl: string;
  port: number;
  /** The extension's settings were pointed at this Sandbox (so no port note is needed). */
  pointed?: boolean;
  contactCenterId: string;
  /** Bearer token of the Sandbox CRM API (the extension's Sandbox CRM connector uses it). */
  crmToken: string;
  agents: readonly { name: string; password: string }[];
  /** Autopilot script files switched on with --autopilot (none: not shown). */
  autopilot?: readonly string[];
  dataDir: string;
  consoleUrl: string;
  siteUrl: string;
  /** True when the second tab is the Sandbox demo site rather than --site. */
  demo: boolean;
  browserPath: string;
  headless: boolean;
  profileDir: string;
  extensionDir: string;
  extensionId?: string;
}

/** Lines of the banner, without trailing newlines. */
export function bannerLines(info: BannerInfo): string[] {
  const row = (label: string, value: string) => `  ${label.padEnd(17)}${value}`;
  const lines = [
    '',
    'Beckon is running.',
    '',
    row('Sandbox', `${info.sandboxUrl}   (data: ${info.dataDir})`),
    row('ContactCenterId', info.contactCenterId),
    row('Agent logins', info.agents.map((a) => `${a.name} / ${a.password}`).join(', ')),
    ...(info.autopilot?.length ? [row('Autopilot', `${info.autopilot.join(', ')}   (a scripted agent on each script's queue)`)] : []),
    row('Agent console', info.consoleUrl),
    row('CRM API', `${info.sandboxUrl}/api/crm/   (Authorization: Bearer ${info.crmToken})`),
    row(info.demo ? 'Demo site' : 'Site', info.siteUrl),
    '',
    row('Chromium', `${info.browserPath}${info.headless ? ' (headless)' : ''}`),
    row('Profile', info.profileDir),
    row('Extension', `${info.extensionDir}${info.extensionId ? `   (id ${info.extensionId})` : ''}`),
  ];
  // Normally start.ts points the extension at this Sandbox itself; say so only when it could not.
  if (info.port !== DEFAULT_PORT && !info.pointed) {
    lines.push(
      '',
      `  Note: the extension's default settings expect the Sandbox on port ${DEFAULT_PORT};`,
      `  set its Sandbox URL to ${info.sandboxUrl} on the options page.`,
    );
  }
  if (!info.demo) {
    lines.push('', `  Note: Beckon asks for access to ${new URL(info.siteUrl).origin} at runtime (optional host permission).`);
  }
  lines.push('', 'Stop everything with Ctrl-C (or close the browser window).', '');
  return lines;
}
