import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import type { MessageKey, MessageValues } from '../../shared/i18n/index.ts';
import { catalogues, type Locale, translate } from '../../shared/i18n/index.ts';
import { requestLocale } from './locale.ts';

/** An error the caller can act on: a stable code, a status and a translatable message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly values?: MessageValues,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found', 'error.not_found');
export const forbidden = () => new AppError(403, 'forbidden', 'error.forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'error.unauthenticated');
export const validationError = (details: ValidationDetail[]) =>
  new AppError(400, 'validation_failed', 'error.validation_failed', undefined, details);

export interface ValidationDetail {
  path: string;
  code: string;
  message: string;
}

interface ZodIssueParams {
  expected?: string;
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  values?: unknown[];
}

function describeIssue(
  request: FastifyRequest | null,
  keyword: string,
  params: ZodIssueParams,
  input: unknown,
  message: string,
): { key: MessageKey; values?: MessageValues } {
  if (input === undefined && (keyword === 'invalid_type' || keyword === 'invalid_value')) {
    return { key: 'validation.required' };
  }
  switch (keyword) {
    case 'custom': {
      // Refinements name their catalogue entry in the message (see modules/*/schema.ts).
      const key = `error.${message}`;
      if (key in catalogues.en) {
        return { key: key as MessageKey, values: { timeZone: String(input), value: String(input) } };
      }
      break;
    }
    case 'invalid_type':
      return { key: 'validation.invalid_type', values: { expected: params.expected ?? '?' } };
    case 'unrecognized_keys':
      return { key: 'validation.unrecognized_keys', values: { keys: (params.keys ?? []).join(', ') } };
    case 'too_small': {
      const values = { minimum: Number(params.minimum) };
      if (params.origin === 'string') return { key: 'validation.too_small_string', values };
      if (params.origin === 'number' || params.origin === 'int')
        return { key: 'validation.too_small_number', values };
      if (params.origin === 'array') return { key: 'validation.too_small_array', values };
      break;
    }
    case 'too_big': {
      const values = { maximum: Number(params.maximum) };
      if (params.origin === 'string') return { key: 'validation.too_big_string', values };
      if (params.origin === 'number' || params.origin === 'int')
        return { key: 'validation.too_big_number', values };
      if (params.origin === 'array') return { key: 'validation.too_big_array', values };
      break;
    }
    case 'invalid_format':
      if (params.format === 'email') return { key: 'validation.invalid_email' };
      if (params.format === 'datetime') return { key: 'validation.invalid_datetime' };
      break;
    case 'invalid_value':
      return {
        key: 'validation.invalid_value',
        values: { options: (params.values ?? []).map(String).join(', ') },
      };
  }
  request?.log.debug({ keyword, params }, 'untranslated validation issue');
  return { key: 'validation.invalid' };
}

function valueAt(root: unknown, segments: string[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

interface RawIssue {
  keyword: string;
  instancePath: string;
  params: unknown;
  message?: string;
}

/** Validation issues as the API reports them: a dotted path, the issue code, a translated message. */
/** A Zod issue found outside a route schema (e.g. in a row of an imported file), translated. */
export function translateZodIssue(
  locale: Locale,
  issue: { code: string; path: PropertyKey[]; message: string },
  input: unknown,
): string {
  const { code, path: _path, message, ...params } = issue;
  const { key, values } = describeIssue(null, code, params as ZodIssueParams, input, message);
  return translate(locale, key, values);
}

function validationDetails(request: FastifyRequest, context: string, issues: RawIssue[]): ValidationDetail[] {
  const locale = requestLocale(request);
  return issues.map((issue) => {
    const segments = issue.instancePath.split('/').filter(Boolean);
    const input = valueAt(request[context as 'body' | 'query' | 'params'], segments);
    const { key, values } = describeIssue(
      request,
      issue.keyword,
      issue.params as ZodIssueParams,
      input,
      issue.message ?? '',
    );
    return {
      path: [context, segments.join('.')].filter(Boolean).join('.'),
      code: issue.keyword,
      message: translate(locale, key, values),
    };
  });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = requestLocale(request);
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: translate(locale, error.messageKey, error.values),
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  });
}

/** What the router says before any route runs: a malformed path, or a path segment over the limit. */
export function routerError(error: { code?: string }): AppError {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return new AppError(414, 'path_too_long', 'error.path_too_long');
  if (error.code === 'FST_ERR_BAD_URL') return new AppError(400, 'invalid_path', 'error.invalid_path');
  return new AppError(400, 'bad_request', 'error.validation_failed');
}

/** The SQLSTATE of a database error, wherever the driver or the ORM put it (Drizzle wraps it in `cause`). */
function sqlState(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * The database's own verdict on a value the schemas let through: a safety net, so that a check
 * missing in a schema is still a 4xx (the transaction has rolled back, nothing is half written).
 */
function databaseRefusal(state: string | null): AppError | null {
  if (!state) return null;
  if (state === '23505') return new AppError(409, 'already_exists', 'error.already_exists');
  if (state === '23503') return new AppError(400, 'unknown_reference', 'error.unknown_reference');
  if (state === '54000') return new AppError(400, 'value_too_large', 'error.value_too_large');
  // 22xxx: data exceptions (out of range, bad encoding, bad date); 23xxx: other integrity checks.
  if (state.startsWith('22') || state.startsWith('23')) {
    return new AppError(400, 'invalid_value', 'error.invalid_value');
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance, bodyLimit: number) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error);
    const refusal = databaseRefusal(sqlState(error));
    if (refusal) {
      // A schema should have caught this first: worth a warning, never a 5xx.
      request.log.warn({ err: error }, 'input refused by the database');
      return sendError(request, reply, refusal);
    }
    // A body parsed inside a handler (one route, several content types) fails like a schema would.
    if (error instanceof ZodError) {
      const issues = error.issues.map(({ code, path, message, ...params }) => ({
        keyword: code,
        instancePath: `/${path.join('/')}`,
        params,
        message,
      }));
      return sendError(request, reply, validationError(validationDetails(request, 'body', issues)));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(
        request,
        reply,
        validationError(validationDetails(request, error.validationContext ?? 'body', error.validation)),
      );
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(request, reply, new AppError(400, 'invalid_json', 'error.invalid_json'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(
          request,
          reply,
          new AppError(413, 'body_too_large', 'error.body_too_large', {
            limitKb: Math.floor(bodyLimit / 1024),
          }),
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendError(
          request,
          reply,
          new AppError(415, 'unsupported_media_type', 'error.unsupported_media_type'),
        );
    }
    if (error.statusCode === 429) {
      const seconds = Math.max(1, Math.ceil(Number(reply.getHeader('retry-after') ?? 60)));
      return sendError(request, reply, new AppError(429, 'rate_limited', 'error.rate_limited', { seconds }));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // A 4xx raised by Fastify or a plugin that has no code of ours: keep its status.
      return sendError(
        request,
        reply,
        new AppError(error.statusCode, 'bad_request', 'error.validation_failed'),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, new AppError(500, 'internal', 'error.internal'));
  });
}
