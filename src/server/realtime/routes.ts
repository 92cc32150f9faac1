import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forbidden } from '../http/errors.ts';
import { watchAccess } from '../modules/auth/access-revoked.ts';
import { requireUser } from '../modules/auth/authenticate.ts';
import { isStaff } from '../modules/auth/policies.ts';
import type { Scope } from './index.ts';

const HEARTBEAT_MS = 15_000;

/**
 * Streams one scope's committed changes as Server-Sent Events. Callers check authorization
 * first; later modules (campaigns) call this for their own scopes.
 */
export function streamScope(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: Scope,
) {
  reply.hijack();
  const raw = reply.raw;
  // A stream is long-lived by design and kept alive by its heartbeat: the idle-socket timeout
  // (IDLE_TIMEOUT_MS) is for requests, not for it.
  request.raw.socket.setTimeout(0);
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write(`retry: 2000\n: connected to ${scope}\n\n`);
  const unsubscribe = app.ctx.hub.subscribe(scope, (event) => {
    raw.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
  const untrack = app.ctx.hub.track(() => raw.end());
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    untrack();
    unwatch();
  };
  // Ended when the user's access shrinks (deactivated, role changed…): the reconnect is authorized
  // anew. Ending a response does not close a keep-alive socket, so stop writing first.
  const unwatch = request.user
    ? watchAccess(app, request.user.id, () => {
        close();
        raw.end();
      })
    : () => {};
  request.raw.on('close', close);
}

export const realtimeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/events',
    {
      schema: {
        tags: ['Realtime'],
        summary: 'Server-Sent Events for workspace-level changes (users, invitations)',
      },
    },
    async (request, reply) => {
      if (!isStaff(requireUser(request))) throw forbidden();
      streamScope(app, request, reply, 'workspace');
    },
  );
};
