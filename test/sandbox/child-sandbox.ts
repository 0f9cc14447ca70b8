/**
 * A Sandbox in a process of its own, for tests that kill it the hard way (SIGKILL): started
 * with the startSandbox options given as JSON in argv[2], it reports its URL over IPC.
 */
import { startSandbox } from '../../sandbox/server.ts';

const sandbox = await startSandbox({ port: 0, quiet: true, ...JSON.parse(process.argv[2] ?? '{}') });
process.send?.({ url: sandbox.url, contactCenterId: sandbox.contactCenterId });
