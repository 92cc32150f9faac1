import { useEffect, useId, useRef } from 'react';
import { formatInZones, parseLocalTime } from '../../../shared/time/index.ts';
import type { Market } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import { DateInput } from '../../components/date-input.tsx';
import { AlertIcon } from '../../components/icons.tsx';
import { Button } from '../../components/ui.tsx';
import { type Translate, useLocale, useT } from '../../i18n/locale.tsx';
import { inZonesLabel } from '../../time/format.ts';
import { splitZone } from '../../time/zones.ts';

/** A wall-clock time in a zone, as typed: `date` `YYYY-MM-DD`, `time` `HH:mm`. */
export interface LocalTimeValue {
  date: string;
  time: string;
  zone: string;
}

export type Disambiguation = 'earlier' | 'later';

/** The API's form of a local time (`{local, timeZone}`), with the choice made for a DST gap or overlap. */
export function toInstantInput(value: LocalTimeValue, disambiguation?: Disambiguation) {
  return {
    local: `${value.date}T${value.time}`,
    timeZone: value.zone,
    ...(disambiguation ? { disambiguation } : {}),
  };
}

/** The server refused a local time the clocks skip or pass twice, and asks which one is meant. */
export function isDstError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    (error.code === 'local_time_nonexistent' || error.code === 'local_time_ambiguous')
  );
}

export interface ZoneChoice {
  zone: string;
  label: string;
}

/** Zones offered for a local time: each market's, the viewer's, and the current one if it is elsewhere. */
export function zoneChoices(
  t: Translate,
  locale: 'en' | 'ru',
  markets: readonly Market[],
  viewerZone: string,
  current?: string | null,
): ZoneChoice[] {
  const choices: ZoneChoice[] = [];
  const seen = new Set<string>();
  const add = (zone: string, label: string) => {
    if (seen.has(zone)) return;
    seen.add(zone);
    choices.push({ zone, label });
  };
  for (const market of markets) {
    add(
      market.timeZone,
      t('tracker.when.marketZone', { code: market.code, city: splitZone(market.timeZone, locale).city }),
    );
  }
  add(viewerZone, t('tracker.when.yourZone', { city: splitZone(viewerZone, locale).city }));
  if (current) add(current, splitZone(current, locale).city);
  return choices;
}

/**
 * Date, time and the zone they are meant in, with the same moment shown in the other zones as
 * it is typed (`→ 8 Mar 10:00 EDT · 8 Mar 17:00 MSK`).
 */
export function LocalTimeField({
  legend,
  value,
  onChange,
  zones,
  previewZones,
  hint,
  required = false,
}: {
  legend: string;
  value: LocalTimeValue;
  onChange: (value: LocalTimeValue) => void;
  zones: ZoneChoice[];
  previewZones: string[];
  hint?: string;
  required?: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const id = useId();
  const parsed = value.date && value.time ? parseLocalTime(`${value.date}T${value.time}`, value.zone) : null;
  const others = previewZones.filter((zone) => zone !== value.zone);
  return (
    <fieldset className="field tk-local-time">
      <legend className="field-label">
        {legend}
        {required ? null : <span className="field-optional">{t('common.optional')}</span>}
      </legend>
      <div className="tk-local-time-controls">
        <DateInput
          id={`${id}-date`}
          kind="date"
          className="input local-time-date"
          value={value.date}
          required={required}
          aria-label={t('tracker.when.date')}
          onChange={(date) => onChange({ ...value, date })}
        />
        <DateInput
          id={`${id}-time`}
          kind="time"
          className="input local-time-time"
          value={value.time}
          required={required || Boolean(value.date)}
          aria-label={t('tracker.when.time')}
          onChange={(time) => onChange({ ...value, time })}
        />
        <select
          className="input select tk-local-time-zone"
          value={value.zone}
          aria-label={t('tracker.when.zone')}
          onChange={(event) => onChange({ ...value, zone: event.target.value })}
        >
          {zones.map((choice) => (
            <option key={choice.zone} value={choice.zone}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <p className="field-hint tk-local-time-preview" aria-live="polite">
        {parsed?.ok && others.length
          ? t('tracker.when.preview', { times: inZonesLabel(parsed.instant, others, locale) })
          : parsed && !parsed.ok && (parsed.reason === 'nonexistent' || parsed.reason === 'ambiguous')
            ? t(parsed.reason === 'nonexistent' ? 'tracker.when.gapHint' : 'tracker.when.overlapHint')
            : (hint ?? '\u00a0')}
      </p>
    </fieldset>
  );
}

/**
 * The server's refusal of a local time in a DST gap or overlap, with the two instants it could
 * mean: "Earlier · 01:30 EST" and "Later · 03:30 EDT". Choosing one resends with that choice.
 */
export function DstChoice({
  error,
  value,
  onChoose,
  pending,
}: {
  error: ApiError;
  value: LocalTimeValue;
  onChoose: (choice: Disambiguation) => void;
  pending?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which is no cleanup.
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);
  const describe = (choice: Disambiguation) => {
    const parsed = parseLocalTime(`${value.date}T${value.time}`, value.zone, choice);
    if (!parsed.ok) return '';
    const [display] = formatInZones(parsed.instant, [value.zone], 'en');
    return display ? `${display.time} ${display.abbreviation}` : '';
  };
  return (
    <div className="alert alert-warning dst-choice" role="alert" ref={ref}>
      <AlertIcon className="alert-icon" />
      <div className="tk-dst-choice-body">
        <p>{error.message}</p>
        <div className="tk-dst-choice-actions">
          <Button size="sm" onClick={() => onChoose('earlier')} disabled={pending}>
            {t('tracker.when.earlier', { time: describe('earlier') })}
          </Button>
          <Button size="sm" onClick={() => onChoose('later')} disabled={pending}>
            {t('tracker.when.later', { time: describe('later') })}
          </Button>
        </div>
      </div>
    </div>
  );
}
