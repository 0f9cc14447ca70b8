/**
 * Nothing is acknowledged before it is durable: every reply waits until the batch open when
 * it is sent has committed (store/group-commit.ts). A reply may carry what its request wrote,
 * or what it read from writes not committed yet, so it cannot leave earlier; the wait is at
 * most the rest of one event-loop turn. When a batch the request may have written into failed
 * to commit, the reply becomes code 4 (internal error: nothing of it was kept).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Code, GwsError } from '../engine/errors.ts';
import type { GroupCommit } from '../store/group-commit.ts';

/** Installs the hooks on the root instance, before any route is registered. */
export function holdRepliesUntilDurable(app: FastifyInstance, commits: GroupCommit): void {
  const firstBatch = new WeakMap<FastifyRequest, number>();
  app.addHook('onRequest', (request, _reply, done) => {
    firstBatch.set(request, commits.nextBatch());
    done();
  });
  const judge = (request: FastifyRequest): GwsError | null => {
    const from = firstBatch.get(request);
    if (from === undefined || !commits.failedSince(from)) return null;
    firstBatch.delete(request); // so the error reply itself goes out
    return new GwsError(Code.Internal, 'The Sandbox could not save to its database; nothing of this request was kept. Try again.');
  };
  // Callback style, not async: most replies find nothing pending and go at once, without a promise.
  app.addHook('onSend', (request, _reply, payload, done) => {
    const finish = () => {
      const error = judge(request);
      if (error) done(error);
      else done(null, payload);
    };
    if (!commits.pending) return finish();
    commits.durable().then(finish, finish);
  });
}
