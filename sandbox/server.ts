/**
 * `startSandbox()`: the programmatic entry point used by the CLI, tests, the e2e harness and
 * `npm start`. It opens the SQLite store, builds the agent console, wires the routes on a
 * Fastify server bound to loopback, and returns the URL plus a `close()` that ends open
 * notification streams, stops the server and closes the database.
 */
import Fastify from 'fastify';
import { DEFAULT_CONTACT_CENTER_ID, SANDBOX_HOST } from '../src/core/defaults.ts';
import { DEFAULT_QUEUES, DEMO_AGENTS, validateAgents, validateQueues } from './config.ts';
import { Autopilot } from './autopilot/autopilot.ts';
import { AutopilotScripts } from './autopilot/autopilot-scripts.ts';
import { ScriptLibrary } from './autopilot/library.ts';
import { CannedReplies } from './canned/canned-replies.ts';
import { buildConsole } from './console/build.ts';
import { createCrmRepo } from './crm/repo.ts';
import { CrmStore } from './crm/store.ts';
import { DEFAULT_CRM_TOKEN, validateCrmToken } from './crm/token.ts';
import { AgentDesk } from './engine/agent-desk.ts';
import { AgentFeeds } from './engine/agent-feed.ts';
import { Availability } from './engine/availability.ts';
import { ChatEngine } from './engine/chat-engine.ts';
import { Handoffs } from './engine/handoff.ts';
import { ChatFiles } from './files/chat-files.ts';
import { FileStore } from './files/file-store.ts';
import { fileLimits } from './files/limits.ts';
import { Code, GwsError } from './engine/errors.ts';
import { BODY_LIMIT, fail, toGwsError } from './http/envelope.ts';
import { holdRepliesUntilDurable } from './http/durable-replies.ts';
import { installFaultInjector } from './http/faults.ts';
import { LongPolls } from './http/long-poll.ts';
import { OriginPolicy } from './http/origin.ts';
import { withoutTrailingSlash } from './http/trailing-slash.ts';
import { registerAgentRoutes } from './routes/agent.ts';
import { registerAutopilotRoutes } from './routes/autopilot.ts';
import { registerCannedReplyRoutes } from './routes/canned-replies.ts';
import { registerReportRoutes } from './routes/report.ts';
import type { AgentCredential } from './routes/agent-guard.ts';
import { registerConsoleRoutes } from './routes/console.ts';
import { registerCrmRoutes } from './routes/crm.ts';
import { registerCustomerRoutes } from './routes/customer.ts';
import { registerDemoSite } from './routes/demo-site.ts';
import { registerFaultRoutes } from './routes/faults.ts';
import { registerGmsRoutes } from './routes/gms.ts';
import { registerHome } from './routes/home.ts';
import type { StreamRegistry } from './routes/notifications.ts';
import type { RunningSandbox, SandboxOptions } from './sandbox-options.ts';
import { createRepo } from './store/repo.ts';
import { openSandboxDb } from './store/sandbox-db.ts';

export type { AgentCredential, RunningSandbox, SandboxOptions };
export { DEFAULT_CRM_TOKEN, DEFAULT_QUEUES, DEMO_AGENTS, validateAgents, validateCrmToken, validateQueues };

/** Starts a Sandbox and resolves once it is listening. */
export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const host = opts.host ?? SANDBOX_HOST;
  const contactCenterId = opts.contactCenterId ?? DEFAULT_CONTACT_CENTER_ID;
  const agents = [...(opts.agents ?? DEMO_AGENTS)].map((a) => ({ ...a }));
  validateAgents(agents);
  if (agents.length === 0) throw new Error('At least one agent is needed.');
  const queues = [...(opts.queues ?? DEFAULT_QUEUES)];
  validateQueues(queues);
  const crmToken = opts.crmToken ?? DEFAULT_CRM_TOKEN;
  validateCrmToken(crmToken);
  const vendorExact = opts.vendorExact === true;
  if (vendorExact && opts.longPoll === true) throw new Error('Long-poll is a Sandbox extra: vendorExact and longPoll cannot both be on.');
  const longPoll = !vendorExact && opts.longPoll !== false;
  const limits = fileLimits(opts.fileLimits);

  const assets = await buildConsole();
  const store = openSandboxDb(opts.dataDir, {
    commitDelayMs: opts.commitDelayMs,
    onError: (error) => opts.quiet || console.error('[sandbox] storage error:', error),
  });
  const { db, commits } = store;
  const engine = new ChatEngine(createRepo(db, commits));
  const files = new ChatFiles(engine, new FileStore(opts.dataDir), limits);
  const availability = new Availability(engine, agents.map((a) => a.name), queues);
  const desk = new AgentDesk(engine, availability);
  const handoffs = new Handoffs(desk, agents.map((a) => a.name));
  const feeds = new AgentFeeds(desk);
  const library = new ScriptLibrary(db, commits);
  const autopilot = new Autopilot(desk, handoffs, (error) => opts.quiet || console.error('[sandbox] autopilot:', error));
  // Scripts may name the known queues and the configured (human) agents.
  const scriptContext = () => ({ queues: availability.knownQueues(), agents: agents.map((a) => a.name) });
  const autopilotScripts = new AutopilotScripts(library, autopilot, scriptContext);
  const crm = new CrmStore(createCrmRepo(db, commits), engine.events);
  const policy = new OriginPolicy();
  const longPolls = new LongPolls(engine);
  const streams: StreamRegistry = { open: new Set(), keepaliveMs: opts.keepaliveMs ?? 15_000 };

  // forceCloseConnections: close() must not wait for keep-alive sockets of a browser tab.
  // rewriteUrl: real clients' trailing slashes on the customer dialects' paths (http/trailing-slash.ts).
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, forceCloseConnections: true, rewriteUrl: (req) => withoutTrailingSlash(req.url ?? '/') });
  // The APIs speak JSON only; Fastify's default text/plain parser would let other bodies in.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err, _request, reply) => {
    const gws = toGwsError(err);
    if (gws.code === Code.Internal && !opts.quiet) console.error('[sandbox] internal error:', err);
    return fail(reply, gws);
  });
  app.setNotFoundHandler((request, reply) =>
    fail(reply, new GwsError(Code.NotFound, `No such route: ${request.method} ${request.url.split('?')[0]}`)),
  );
  let requests = 0;
  app.addHook('onRequest', (_request, _reply, done) => {
    requests++;
    done();
  });
  holdRepliesUntilDurable(app, commits);
  // End SSE streams and answer held long-polls first: they would otherwise hold the server
  // open, and closing sockets under them would cut replies short.
  app.addHook('preClose', async () => {
    autopilot.close();
    for (const end of [...streams.open]) end();
    await longPolls.releaseAll();
  });

  if (opts.faults) registerFaultRoutes(app, { faults: installFaultInjector(app, policy), policy });
  registerCustomerRoutes(app, { engine, availability, longPolls, policy, contactCenterId, longPoll, vendorExact });
  registerGmsRoutes(app, { engine, availability, policy, vendorExact, files, quiet: opts.quiet });
  registerAgentRoutes(app, { desk, handoffs, feeds, policy, agents, streams, files });
  registerAutopilotRoutes(app, { autopilot, scripts: autopilotScripts, library, context: scriptContext, policy, agents });
  registerCannedReplyRoutes(app, { canned: new CannedReplies(db, commits), policy, agents });
  registerReportRoutes(app, { desk, library, policy, agents });
  registerCrmRoutes(app, { crm, desk, policy, agents, token: crmToken, quiet: opts.quiet });
  registerConsoleRoutes(app, assets);
  await registerDemoSite(app);
  registerHome(app, { contactCenterId });

  let port: number;
  try {
    // The command line's scripts, then each queue's stored one (a bad script refuses the start).
    autopilotScripts.start(opts.autopilot ?? []);
    await app.listen({ port: opts.port, host });
    port = (app.server.address() as { port: number }).port;
  } catch (err) {
    autopilot.close();
    await app.close().catch(() => undefined);
    await store.close();
    throw err;
  }
  policy.bind(host, port);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    contactCenterId,
    agents,
    queues,
    stats: () => ({
      openNotificationStreams: streams.open.size,
      heldLongPolls: longPolls.size,
      chatListeners: engine.events.listenerCount('chat'),
      requests,
      longPollWakeups: longPolls.wakeups,
      feedViews: feeds.views,
      ...commits.counts,
      checkpoints: store.checkpointer.checkpoints,
      autopilotChats: autopilot.runs.size,
      autopilotTimers: autopilot.pendingTimers,
    }),
    close: () => (closing ??= app.close().finally(() => store.close())),
  };
}
