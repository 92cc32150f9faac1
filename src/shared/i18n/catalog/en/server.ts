// Messages the server sends: errors and anything else a caller reads. Keys mirror ../ru/server.ts.
export const enServer = {
  'error.validation_failed': 'Some fields are invalid. Check the details and try again.',
  'error.invalid_json': 'The request body is not valid JSON.',
  'error.body_too_large': 'The request body is too large (limit {limitKb, number} KB).',
  'error.unsupported_media_type': 'This content type is not accepted here.',
  'error.not_found': 'Nothing was found at this address.',
  'error.unauthenticated': 'Sign in to continue.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.rate_limited':
    'Too many attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  'error.internal': 'Something went wrong on our side. The error has been logged.',
  'error.method_not_allowed': 'This method is not allowed here.',
  'error.invalid_credentials': 'The email or password is incorrect.',
  'error.email_taken': 'An account with this email already exists.',
  'error.invite_required': 'This instance is already set up. Ask an admin for an invitation.',
  'error.invite_invalid': 'This invitation is invalid, used or expired.',
  'error.invite_email_mismatch': 'This invitation was sent to a different email address.',
  'error.role_not_allowed': 'You cannot grant the role "{role}".',
  'error.invalid_time_zone': '"{timeZone}" is not a known IANA time zone.',
  'error.weak_password': 'The password must be at least {min, number} characters long.',
  'error.token_not_found': 'This API token does not exist.',
  'error.setup_done': 'The owner account already exists.',
  'error.local_time_nonexistent':
    '{local} does not exist in {timeZone}: the clocks skip it. Choose "earlier" or "later".',
  'error.local_time_ambiguous':
    '{local} happens twice in {timeZone}: the clocks fall back. Choose "earlier" or "later".',
  'validation.required': 'Required.',
  'validation.invalid_type': 'Expected {expected}.',
  'validation.unrecognized_keys': 'Unknown field: {keys}.',
  'validation.too_small_string':
    'Must be at least {minimum, plural, one {# character} other {# characters}}.',
  'validation.too_big_string': 'Must be at most {maximum, plural, one {# character} other {# characters}}.',
  'validation.invalid_email': 'Must be a valid email address.',
  'validation.invalid_value': 'Must be one of: {options}.',
  'validation.invalid': 'Invalid value.',
} as const;
