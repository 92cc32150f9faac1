import type { FastifyInstance } from 'fastify';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A request with no body (no bytes, or only white space under a JSON content type) is read as
 * `{}`: routes whose body is optional (publish, acknowledge, send, cancel, undo) then simply
 * work, and routes that need fields name each missing one instead of a bare "Required".
 */
export function registerEmptyBodyAsObject(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    parseJson(request, typeof body === 'string' ? body : body.toString('utf8'), done);
  });
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && BODY_METHODS.has(request.method)) request.body = {};
  });
}
