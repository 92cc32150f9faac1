import { useCallback, useState } from 'react';
import type { Translate } from '../i18n/locale.tsx';

export const MIN_PASSWORD_LENGTH = 10;

export type FieldErrors = Partial<Record<string, string>>;

/** The checks the browser can make before asking the server (which checks again, and has the last word). */
export function checkAccountFields(
  t: Translate,
  fields: { name?: string; email?: string; password?: string; timeZone?: string },
): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.name !== undefined && !fields.name.trim()) errors.name = t('common.required');
  if (fields.email !== undefined) {
    if (!fields.email.trim()) errors.email = t('common.required');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email.trim())) errors.email = t('common.invalidEmail');
  }
  if (fields.password !== undefined && fields.password.length < MIN_PASSWORD_LENGTH) {
    errors.password = t('common.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  }
  if (fields.timeZone !== undefined && !fields.timeZone) errors.timeZone = t('common.required');
  return errors;
}

export const hasErrors = (errors: FieldErrors) => Object.values(errors).some(Boolean);

/** Field errors that disappear from a field as soon as it is edited. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const clear = useCallback(
    (field: string) =>
      setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current)),
    [],
  );
  return [errors, setErrors, clear] as const;
}
