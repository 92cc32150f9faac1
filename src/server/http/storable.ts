import type { FastifyInstance } from 'fastify';
import { translate } from '../../shared/i18n/index.ts';
import { type ValidationDetail, validationError } from './errors.ts';
import { requestLocale } from './locale.ts';

/**
 * PostgreSQL text cannot hold a NUL, and JSON(B) cannot hold half of a UTF-16 pair: either one
 * fails the statement deep inside a transaction. Finding them here, before any route runs,
 * covers every field of every route (present and future) at once, and says which field it was.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL is exactly what is refused
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (value: string) => !UNSTORABLE.test(value);

/**
 * Parsed JSON and query strings only (the query parser's objects have a prototype of their own,
 * so this cannot ask for Object.prototype): a streamed upload or a Buffer is never walked.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

/** Dotted paths of every string (or object key) in `value` that cannot be stored. */
export function unstorablePaths(value: unknown, path: string, found: string[] = [], depth = 0): string[] {
  if (found.length >= 20 || depth > 64) return found;
  if (typeof value === 'string') {
    if (!isStorableText(value)) found.push(path);
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) unstorablePaths(item, `${path}.${index}`, found, depth + 1);
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const keyStorable = isStorableText(key);
      const at = `${path}.${keyStorable ? key : '?'}`;
      if (!keyStorable) found.push(at);
      unstorablePaths(item, at, found, depth + 1);
    }
  }
  return found;
}

/** Refuses, with 400 and the field named, any request whose params, query or body hold unstorable text. */
export function registerStorableTextCheck(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...unstorablePaths(request.params, 'params'),
      ...unstorablePaths(request.query, 'query'),
      ...unstorablePaths(request.body, 'body'),
    ];
    const fileName = request.headers['x-file-name'];
    if (typeof fileName === 'string' && !isStorableText(fileName)) paths.push('headers.x-file-name');
    if (paths.length === 0) return;
    const message = translate(requestLocale(request), 'validation.unstorable_text');
    const details: ValidationDetail[] = paths.map((path) => ({
      path: path.replace(/\.$/, ''),
      code: 'unstorable_text',
      message,
    }));
    throw validationError(details);
  });
}
