/**
 * `npm run sandbox -- [--port <p>] [--data <dir>] [--contact-center-id <id>] [--agent <name>:<password>]... [--queue <name>]... [--faults] [--no-long-poll] [--vendor-exact] [--crm-token <token>] [--autopilot <file>]...`
 *
 * Starts the Beckon Sandbox in the foreground and prints where everything is. Exit codes:
 * 0 after SIGINT/SIGTERM, 1 if it cannot start (e.g. the port is taken), 2 for bad arguments
 * (an autopilot script that does not validate included: every error is printed with its line).
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONTACT_CENTER_ID, DEFAULT_SANDBOX_PORT } from '../src/core/defaults.ts';
import { type ScriptSource, ScriptRefused } from './autopilot/autopilot-scripts.ts';
import { DEFAULT_QUEUES, DEMO_AGENTS, validateAgents, validateQueues } from './config.ts';
import { DEFAULT_CRM_TOKEN, validateCrmToken } from './crm/token.ts';
import { GwsError } from './engine/errors.ts';
import { type AgentCredential, type RunningSandbox, startSandbox } from './server.ts';

const USAGE = `Usage: npm run sandbox -- [options]

Options:
  --port <port>                TCP port on 127.0.0.1 (default ${DEFAULT_SANDBOX_PORT}; 0 picks a free port)
  --data <dir>                 data directory for sandbox.db (default .beckon/sandbox-data)
  --contact-center-id <id>     ContactCenterId customers must send (default ${DEFAULT_CONTACT_CENTER_ID})
  --agent <name>:<password>    an agent login; repeat for more (default alice:alice and bob:bob)
  --queue <name>               a queue known from the start; repeat for more (default ${DEFAULT_QUEUES.join(', ')})
  --faults                     turn on the fault injector (POST /api/sandbox/faults) for demos and tests
  --no-long-poll               behave like a server without the long-poll extra (clients poll)
  --vendor-exact               turn every Sandbox extra off: answer only what the Genesys documentation shows
  --crm-token <token>          bearer token of the Sandbox CRM API (default ${DEFAULT_CRM_TOKEN})
  --autopilot <file>           an autopilot demo script (YAML or JSON) to switch on for its queue; repeat for
                               more queues (ready ones: sandbox/autopilot/scripts/)
  -h, --help                   show this help`;

/** Parsed command line. */
interface CliOptions {
  port: number;
  dataDir: string;
  contactCenterId: string;
  agents: AgentCredential[];
  queues: string[];
  faults: boolean;
  longPoll: boolean;
  vendorExact: boolean;
  crmToken: string;
  autopilot: ScriptSource[];
}

class UsageError extends Error {}

function parse(argv: string[]): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        'contact-center-id': { type: 'string' },
        agent: { type: 'string', multiple: true },
        queue: { type: 'string', multiple: true },
        faults: { type: 'boolean' },
        'no-long-poll': { type: 'boolean' },
        'vendor-exact': { type: 'boolean' },
        'crm-token': { type: 'string' },
        autopilot: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';

  const portText = values.port ?? String(DEFAULT_SANDBOX_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, not '${portText}'.`);

  const contactCenterId = values['contact-center-id'] ?? DEFAULT_CONTACT_CENTER_ID;
  if (!/^[\x21-\x7e]{1,200}$/.test(contactCenterId)) {
    throw new UsageError('--contact-center-id must be 1-200 visible ASCII characters (it travels in an HTTP header).');
  }

  const agents = (values.agent ?? []).map((spec) => {
    const colon = spec.indexOf(':');
    if (colon <= 0) throw new UsageError(`--agent must look like name:password, not '${spec}'.`);
    return { name: spec.slice(0, colon), password: spec.slice(colon + 1) };
  });
  try {
    validateAgents(agents);
  } catch (err) {
    throw new UsageError(`--agent: ${(err as Error).message}`);
  }

  const queues = values.queue ?? [...DEFAULT_QUEUES];
  try {
    validateQueues(queues);
  } catch (err) {
    throw new UsageError(`--queue: ${(err as Error).message}`);
  }

  const crmToken = values['crm-token'] ?? DEFAULT_CRM_TOKEN;
  try {
    validateCrmToken(crmToken);
  } catch (err) {
    throw new UsageError(`--crm-token: ${(err as Error).message}`);
  }

  const autopilot = (values.autopilot ?? []).map((file) => {
    try {
      return { name: basename(file), source: readFileSync(file, 'utf8') };
    } catch (err) {
      throw new UsageError(`--autopilot: cannot read '${file}': ${(err as Error).message}`);
    }
  });

  return {
    queues,
    crmToken,
    autopilot,
    faults: values.faults ?? false,
    // Vendor-exact mode has no long-poll; --no-long-poll alongside it is simply redundant.
    longPoll: !values['no-long-poll'] && !values['vendor-exact'],
    vendorExact: values['vendor-exact'] ?? false,
    port,
    dataDir: resolve(values.data ?? '.beckon/sandbox-data'),
    contactCenterId,
    agents: agents.length > 0 ? agents : DEMO_AGENTS.map((a) => ({ ...a })),
  };
}

function printBanner(sb: RunningSandbox, dataDir: string, faults: boolean, vendorExact: boolean, crmToken: string, autopilot: readonly ScriptSource[]): void {
  const lines = [
    `Beckon Sandbox listening on ${sb.url}`,
    `  ContactCenterId: ${sb.contactCenterId}`,
    `  Agent console:   ${sb.url}/console/`,
    `  Demo site:       ${sb.url}/demo/`,
    `  Agents:          ${sb.agents.map((a) => `${a.name} / ${a.password}`).join(', ')}`,
    `  Queues:          ${sb.queues.join(', ')}`,
    `  CRM API:         ${sb.url}/api/crm/ (Authorization: Bearer ${crmToken})`,
    `  Data:            ${dataDir}`,
    ...(faults ? [`  Fault injector:  ${sb.url}/api/sandbox/faults (see sandbox/README.md)`] : []),
    ...(vendorExact ? ['  Vendor-exact:    on (no Sandbox extras; replies as the Genesys documentation shows)'] : []),
    ...(autopilot.length > 0 ? [`  Autopilot:       ${autopilot.map((s) => s.name).join(', ')} (switch scripts per queue in the console)`] : []),
    'Press Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  let opts: CliOptions | 'help';
  try {
    opts = parse(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`Error: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (opts === 'help') {
    console.log(USAGE);
    return;
  }

  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox({ port: opts.port, dataDir: opts.dataDir, contactCenterId: opts.contactCenterId, agents: opts.agents, queues: opts.queues, faults: opts.faults, longPoll: opts.longPoll, vendorExact: opts.vendorExact, crmToken: opts.crmToken, autopilot: opts.autopilot });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (err instanceof ScriptRefused) {
      console.error(`Error: the autopilot script does not validate:\n${err.lines().map((l) => `  ${l}`).join('\n')}\n\n${USAGE}`);
      process.exit(2);
    }
    if (err instanceof GwsError) {
      console.error(`Error: --autopilot: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (e.code === 'EADDRINUSE') {
      console.error(`Error: port ${opts.port} on 127.0.0.1 is already in use (another Sandbox?). Choose another with --port.`);
    } else {
      console.error(`Error: the Sandbox could not start: ${e.message}`);
    }
    process.exit(1);
  }
  printBanner(sandbox, opts.dataDir, opts.faults, opts.vendorExact, opts.crmToken, opts.autopilot);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the Sandbox.`);
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('Error while stopping:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
