import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';

describe('ApiError.fieldErrors', () => {
  it('maps the server’s validation details to form fields, first message per field', () => {
    const error = new ApiError(400, 'validation_failed', 'Some fields are invalid.', [
      { path: 'body.email', code: 'invalid_format', message: 'Must be a valid email address.' },
      { path: 'body.password', code: 'too_small', message: 'Must be at least 10 characters.' },
      { path: 'body.password', code: 'other', message: 'ignored' },
      { path: 'body.marketCodes.0', code: 'invalid_format', message: 'Bad code.' },
      { path: 'body', code: 'unrecognized_keys', message: 'Unknown field: x.' },
    ]);
    expect(error.fieldErrors).toEqual({
      email: 'Must be a valid email address.',
      password: 'Must be at least 10 characters.',
      marketCodes: 'Bad code.',
    });
  });

  it('has no field errors when the server sent no details', () => {
    expect(new ApiError(401, 'invalid_credentials', 'Wrong.').fieldErrors).toEqual({});
  });
});
