import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * `Content-Disposition: attachment` with a file name that can never break the header (RFC 6266):
 * an ASCII fallback in `filename` (quotes, backslashes, control and non-ASCII characters
 * replaced) and the exact name, UTF-8 percent-encoded, in `filename*` (RFC 5987/8187).
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment') {
  const name =
    fileName
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .replace(/[/\\]/g, '_')
      .trim()
      .slice(0, 200) || 'download';
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return fallback === name
    ? `${disposition}; filename="${fallback}"`
    : `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Marks a response as a download saved under `fileName`, never rendered by the browser. */
export function asDownload(reply: FastifyReply, fileName: string) {
  return reply.header('content-disposition', contentDisposition(fileName));
}

/**
 * The printable pages (brief, report, agreement) are our own HTML with inline styles and no
 * script: nothing else may run or load in them, whatever text ends up inside.
 */
export const PRINT_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

export function asPrintablePage(reply: FastifyReply) {
  return reply.type('text/html; charset=utf-8').header('content-security-policy', PRINT_PAGE_CSP);
}

/**
 * Every response: browsers must not guess a content type other than the one sent. Set on the
 * raw response when the request arrives, so that errors, static files and hijacked streams
 * (Server-Sent Events) carry it too.
 */
export function registerNoSniff(app: FastifyInstance) {
  app.addHook('onRequest', async (_request, reply) => {
    reply.raw.setHeader('x-content-type-options', 'nosniff');
  });
}
