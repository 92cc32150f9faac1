import { TimeZonePicker } from '../components/time-zone-picker.tsx';
import { Field, PasswordInput, TextInput } from '../components/ui.tsx';
import { useT } from '../i18n/locale.tsx';
import { MIN_PASSWORD_LENGTH } from './forms.ts';

// The fields of a new account, as the setup and invite forms ask for them.

interface AccountFieldProps<T> {
  value: T;
  onChange: (value: T) => void;
  error?: string;
}

/** The new account's name: the first field of the form, so it takes the focus. */
export function NameField({ value, onChange, error }: AccountFieldProps<string>) {
  const t = useT();
  return (
    <Field label={t('common.name')} error={error}>
      {(control) => (
        <TextInput
          {...control}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="name"
          autoFocus
        />
      )}
    </Field>
  );
}

/** A password being chosen, with the minimum length as the hint. */
export function NewPasswordField({ value, onChange, error }: AccountFieldProps<string>) {
  const t = useT();
  return (
    <Field
      label={t('common.password')}
      hint={t('common.passwordHint', { min: MIN_PASSWORD_LENGTH })}
      error={error}
    >
      {(control) => (
        <PasswordInput
          {...control}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="new-password"
        />
      )}
    </Field>
  );
}

/** The new account's time zone (the browser's to begin with). */
export function TimeZoneField({ value, onChange, error }: AccountFieldProps<string>) {
  const t = useT();
  return (
    <Field label={t('common.timeZone')} hint={t('setup.timeZoneHint')} error={error}>
      {(control) => <TimeZonePicker {...control} value={value} onChange={onChange} />}
    </Field>
  );
}
