import { ApiError } from '../../api/client.ts';
import { Field, TextInput } from '../../components/ui.tsx';
import { type Translate, useT } from '../../i18n/locale.tsx';
import type { FieldErrors } from '../forms.ts';
import { type MarketDraft, serverFieldErrors } from './markets-editor.tsx';

export const DEFAULT_LAUNCH_WINDOW_HOURS = 48;
export const MAX_LAUNCH_WINDOW_HOURS = 720;

export interface BasicsDraft {
  name: string;
  brand: string;
  /** As typed, so a half-typed number is not rewritten under the cursor. */
  launchWindowHours: string;
}

export function parseLaunchWindow(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const hours = Number(text);
  return hours >= 1 && hours <= MAX_LAUNCH_WINDOW_HOURS ? hours : null;
}

export function checkBasics(t: Translate, draft: BasicsDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.name.trim()) errors.name = t('wizard.error.required');
  if (!draft.brand.trim()) errors.brand = t('wizard.error.required');
  if (parseLaunchWindow(draft.launchWindowHours) === null)
    errors.launchWindowHours = t('wizard.error.launchWindow', { max: MAX_LAUNCH_WINDOW_HOURS });
  return errors;
}

/**
 * Field errors from a failed create or update: the server's validation details by path, and a
 * duplicate market code on every row that has it.
 */
export function errorsFromServer(error: unknown, markets: MarketDraft[]): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'duplicate_market_code') {
    const errors: FieldErrors = {};
    const counts = new Map<string, number>();
    for (const market of markets) {
      const code = market.code.trim().toUpperCase();
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    markets.forEach((market, index) => {
      if ((counts.get(market.code.trim().toUpperCase()) ?? 0) > 1)
        errors[`markets.${index}.code`] = error.message;
    });
    return errors;
  }
  return serverFieldErrors(error.details);
}

export function BasicsFields({
  draft,
  onChange,
  errors,
  clearError,
  autoFocus = false,
}: {
  draft: BasicsDraft;
  onChange: (draft: BasicsDraft) => void;
  errors: FieldErrors;
  clearError: (field: string) => void;
  autoFocus?: boolean;
}) {
  const t = useT();
  const set = (patch: Partial<BasicsDraft>) => {
    onChange({ ...draft, ...patch });
    for (const field of Object.keys(patch)) clearError(field);
  };
  return (
    <div className="form">
      <div className="form-row">
        <Field label={t('wizard.name')} error={errors.name}>
          {(control) => (
            <TextInput
              {...control}
              value={draft.name}
              maxLength={160}
              placeholder={t('wizard.namePlaceholder')}
              autoFocus={autoFocus}
              onChange={(event) => set({ name: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('wizard.brand')} error={errors.brand}>
          {(control) => (
            <TextInput
              {...control}
              value={draft.brand}
              maxLength={160}
              placeholder={t('wizard.brandPlaceholder')}
              onChange={(event) => set({ brand: event.target.value })}
            />
          )}
        </Field>
      </div>
      <Field
        label={t('wizard.launchWindow')}
        hint={t('wizard.launchWindowHint', { max: MAX_LAUNCH_WINDOW_HOURS })}
        error={errors.launchWindowHours}
      >
        {(control) => (
          <div className="cp-input-suffix-wrap">
            <TextInput
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_LAUNCH_WINDOW_HOURS}
              step={1}
              value={draft.launchWindowHours}
              className="input-number"
              onChange={(event) => set({ launchWindowHours: event.target.value })}
            />
            <span className="cp-input-suffix" aria-hidden="true">
              {t('wizard.hoursSuffix', { count: parseLaunchWindow(draft.launchWindowHours) ?? 0 })}
            </span>
          </div>
        )}
      </Field>
    </div>
  );
}
