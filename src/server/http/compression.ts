import type { FastifyCompressOptions } from '@fastify/compress';

/**
 * Response compression (@fastify/compress), brotli or gzip as the request's Accept-Encoding allows:
 * - JSON, text, CSV, HTML, calendars, the OpenAPI document: compressed once over 1 KB (a smaller
 *   body gains less than the encoding costs); streamed bodies (CSV exports) are compressed as they
 *   stream.
 * - Files the web build ships come precompressed (.br/.gz written by vite-precompress.ts and sent
 *   by @fastify/static with `preCompressed`); a response that already has a Content-Encoding is
 *   left alone.
 * - Not compressed: Server-Sent Events (hijacked streams that never reach the plugin, and
 *   text/event-stream is excluded anyway, so nothing can buffer an event), uploaded files
 *   (images, video, PDF: compressed already; `application/octet-stream` is not matched either)
 *   and the backup tarball (gzip).
 * - Request bodies are taken as sent: no Content-Encoding decoding, so the body limit is the limit
 *   of what the server reads.
 */
export const compressionOptions: FastifyCompressOptions = {
  encodings: ['br', 'gzip'],
  threshold: 1024,
  // The plugin's default list minus octet-stream; other types go by mime-db's `compressible`.
  customTypes: /^text\/(?!event-stream)|[+/]json(?:;|$)|[+/]text(?:;|$)|[+/]xml(?:;|$)/,
  globalDecompression: false,
};
