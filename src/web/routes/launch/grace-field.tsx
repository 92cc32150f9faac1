import { Field, Select, TextInput } from '../../components/ui.tsx';
import { type Translate, useT } from '../../i18n/locale.tsx';

/** The campaign's launch grace as typed: a whole number and its unit. */
export interface GraceDraft {
  value: string;
  unit: 'minutes' | 'hours';
}

export const MAX_GRACE_MINUTES = 10_080;

/** Whole hours are shown as hours (`2 hours`), anything else in minutes (`90 minutes`). */
export const graceDraftOf = (minutes: number): GraceDraft =>
  minutes >= 60 && minutes % 60 === 0
    ? { value: String(minutes / 60), unit: 'hours' }
    : { value: String(minutes), unit: 'minutes' };

/** Minutes of a draft, or null when it is not a whole number from 0 to 7 days. */
export function graceMinutesOf(draft: GraceDraft): number | null {
  const text = draft.value.trim();
  if (!/^\d+$/.test(text)) return null;
  const minutes = Number(text) * (draft.unit === 'hours' ? 60 : 1);
  return minutes <= MAX_GRACE_MINUTES ? minutes : null;
}

export const checkGrace = (t: Translate, draft: GraceDraft) =>
  graceMinutesOf(draft) === null ? t('launchUi.grace.invalid') : undefined;

/**
 * How long after its planned go-live a market that is not live counts as late (then its lead and
 * the campaign owner are told): `launchGraceMinutes` of the campaign.
 */
export function GraceField({
  draft,
  onChange,
  error,
}: {
  draft: GraceDraft;
  onChange: (draft: GraceDraft) => void;
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <Field label={t('launchUi.grace.label')} hint={t('launchUi.grace.hint')} error={error}>
      {(control) => (
        <div className="lc-grace">
          <TextInput
            {...control}
            name="launchGrace"
            inputMode="numeric"
            value={draft.value}
            onChange={(e) => onChange({ ...draft, value: e.target.value })}
          />
          <Select
            aria-label={t('launchUi.grace.unit')}
            name="launchGraceUnit"
            value={draft.unit}
            onChange={(e) => onChange({ ...draft, unit: e.target.value as GraceDraft['unit'] })}
          >
            <option value="minutes">{t('launchUi.grace.minutes')}</option>
            <option value="hours">{t('launchUi.grace.hours')}</option>
          </Select>
        </div>
      )}
    </Field>
  );
}
