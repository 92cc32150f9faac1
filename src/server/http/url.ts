import { z } from 'zod';
import { isHttpUrl } from '../../shared/links.ts';

/**
 * Every link field of every request schema (channel, submission and post URLs, …): an absolute
 * http(s) URL (isHttpUrl), else 400 with `error.http_url` in the caller's language.
 */
export const httpUrl = (maxLength = 2000) =>
  z.string().trim().max(maxLength).refine(isHttpUrl, { message: 'http_url' });
