import { type InputHTMLAttributes, useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '../i18n/locale.tsx';
import { type DateKind, exampleTyped, formatTyped, parseTyped } from './date-input-format.ts';

type NativeProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'onChange' | 'defaultValue'
>;

/**
 * A date, a time, or both, typed the UI language's way (`07.12.2026 18:00` in Russian,
 * `12/07/2026 18:00` in English) instead of the browser's native picker, which follows the
 * browser's locale. `value` and `onChange` carry what the pages send to the API: `YYYY-MM-DD`,
 * `HH:mm` or `YYYY-MM-DDTHH:mm` (wall-clock in the zone the page states); `''` when empty or
 * not readable. ISO typed in (`2026-01-05T18:00`) is read too.
 *
 * The expected format is the placeholder and the input's description; text that cannot be read
 * says so under the field once the person leaves it.
 */
export function DateInput({
  kind = 'date',
  value,
  onChange,
  className,
  onBlur,
  'aria-describedby': describedBy,
  'aria-invalid': ariaInvalid,
  ...rest
}: NativeProps & {
  kind?: DateKind;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const id = useId();
  const [text, setText] = useState(() => formatTyped(value, kind, locale));
  const [unreadable, setUnreadable] = useState(false);
  // The value this field last reported: a different one came from outside (a reset, a reload).
  const reported = useRef(value);
  const shownLocale = useRef(locale);

  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(formatTyped(value, kind, locale));
      setUnreadable(false);
    } else if (locale !== shownLocale.current && parseTyped(text, kind, shownLocale.current) === value) {
      setText(formatTyped(value, kind, locale));
    }
    shownLocale.current = locale;
  }, [value, kind, locale, text]);

  const pattern = t(`dateInput.pattern.${kind}`);
  const hintId = `${id}-format`;
  const errorId = `${id}-error`;
  return (
    <span className="date-input" style={{ display: 'contents' }}>
      <input
        {...rest}
        type="text"
        autoComplete="off"
        spellCheck={false}
        className={className ?? 'input'}
        value={text}
        placeholder={pattern}
        aria-invalid={unreadable || ariaInvalid || undefined}
        aria-describedby={[describedBy, hintId, unreadable ? errorId : ''].filter(Boolean).join(' ')}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const parsed = parseTyped(next, kind, locale);
          if (parsed !== null) setUnreadable(false);
          const reportedValue = parsed ?? '';
          if (reportedValue !== reported.current) {
            reported.current = reportedValue;
            onChange(reportedValue);
          }
        }}
        onBlur={(event) => {
          const parsed = parseTyped(text, kind, locale);
          if (parsed === null) setUnreadable(true);
          else setText(formatTyped(parsed, kind, locale));
          onBlur?.(event);
        }}
      />
      <span id={hintId} className="visually-hidden">
        {t('dateInput.hint', { pattern })}
      </span>
      {unreadable ? (
        <span id={errorId} className="field-error date-input-error" role="alert">
          {t('dateInput.invalid', { pattern, example: exampleTyped(kind, locale) })}
        </span>
      ) : null}
    </span>
  );
}
