import type { Locale } from '../../../shared/i18n/runtime.ts';
import { formatInZones, parseLocalTime } from '../../../shared/time/index.ts';
import { PLATFORM_OPTIONS, type Platform } from '../../api/creators.ts';
import { DateInput } from '../../components/date-input.tsx';
import { PlusIcon, TrashIcon } from '../../components/icons.tsx';
import { Button, Select, TextInput } from '../../components/ui.tsx';
import { type Translate, useLocale, useT } from '../../i18n/locale.tsx';
import { describeZone, splitZone } from '../../time/zones.ts';
import { platformLabel } from './labels.ts';

export interface DeliverableDraft {
  key: number;
  platform: Platform;
  format: string;
  count: string;
  /** Wall-clock time in the creator's zone, `YYYY-MM-DDTHH:mm`, or ''. */
  dueLocal: string;
  /** The saved instant and its local form, so an untouched date is sent back exactly as it was. */
  savedIso: string | null;
  savedLocal: string;
}

let draftKey = 0;

/** A local `YYYY-MM-DDTHH:mm` for an instant in a zone (for `datetime-local` inputs). */
export function localInputValue(iso: string | null, zone: string, locale: Locale): string {
  if (!iso) return '';
  const [display] = formatInZones(iso, [zone], locale);
  return display ? `${display.date}T${display.time}` : '';
}

export function newDeliverable(platform: Platform = 'instagram'): DeliverableDraft {
  return { key: ++draftKey, platform, format: '', count: '1', dueLocal: '', savedIso: null, savedLocal: '' };
}

export function toDeliverableDrafts(
  deliverables: ReadonlyArray<{ platform: Platform; format: string; count: number; dueAt: string | null }>,
  zone: string,
  locale: Locale,
): DeliverableDraft[] {
  return deliverables.map((d) => {
    const local = localInputValue(d.dueAt, zone, locale);
    return {
      key: ++draftKey,
      platform: d.platform,
      format: d.format,
      count: String(d.count),
      dueLocal: local,
      savedIso: d.dueAt,
      savedLocal: local,
    };
  });
}

export type DeliverableBody = {
  platform: Platform;
  format: string;
  count: number;
  dueAt: string | { local: string; timeZone: string } | null;
};

/**
 * Checks the rows and turns them into the API's deliverables (a typed time goes as
 * `{local, timeZone}` in the creator's zone; the server resolves it). Errors are keyed `row.field`.
 */
export function readDeliverables(
  t: Translate,
  drafts: DeliverableDraft[],
  zone: string,
): { body: DeliverableBody[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const body: DeliverableBody[] = [];
  drafts.forEach((d, index) => {
    if (!d.format.trim()) errors[`${index}.format`] = t('common.required');
    const count = Number(d.count);
    if (!Number.isInteger(count) || count < 1 || count > 100)
      errors[`${index}.count`] = t('engagement.deliverables.countInvalid');
    let dueAt: DeliverableBody['dueAt'] = null;
    if (d.dueLocal) {
      if (d.savedIso && d.dueLocal === d.savedLocal) dueAt = d.savedIso;
      else {
        const parsed = parseLocalTime(d.dueLocal, zone);
        if (!parsed.ok) {
          errors[`${index}.due`] =
            parsed.reason === 'nonexistent'
              ? t('engagement.deliverables.dueGap')
              : parsed.reason === 'ambiguous'
                ? t('engagement.deliverables.dueOverlap')
                : t('engagement.deliverables.dueInvalid');
        }
        dueAt = { local: d.dueLocal.slice(0, 16), timeZone: zone };
      }
    }
    body.push({ platform: d.platform, format: d.format.trim(), count, dueAt });
  });
  return { body, errors };
}

/** Rows of platform, format, count and due time; the time is typed in the creator's own zone. */
export function DeliverablesEditor({
  drafts,
  onChange,
  zone,
  errors,
}: {
  drafts: DeliverableDraft[];
  onChange: (drafts: DeliverableDraft[]) => void;
  zone: string;
  errors: Record<string, string | undefined>;
}) {
  const t = useT();
  const [locale] = useLocale();
  const described = describeZone(zone, locale);
  const city = splitZone(zone, locale).city;
  const update = (key: number, patch: Partial<DeliverableDraft>) =>
    onChange(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  return (
    <div className="cr-deliverables-editor">
      <p className="field-hint">
        {t('engagement.deliverables.zoneHint', { city, zone: described?.abbreviation ?? zone })}
      </p>
      {drafts.length === 0 ? <p className="muted">{t('engagement.deliverables.none')}</p> : null}
      {drafts.length > 0 ? (
        <div className="cr-deliverable-table">
          <div className="cr-deliverable-head" aria-hidden="true">
            <span>{t('creators.form.platform')}</span>
            <span>{t('engagement.deliverables.format')}</span>
            <span>{t('engagement.deliverables.count')}</span>
            <span>{t('engagement.deliverables.dueIn', { zone: described?.abbreviation ?? zone })}</span>
            <span />
          </div>
          {drafts.map((d, index) => (
            <div key={d.key} className="cr-deliverable-row">
              <span>
                <Select
                  value={d.platform}
                  aria-label={t('engagement.deliverables.platformN', { n: index + 1 })}
                  onChange={(e) => update(d.key, { platform: e.target.value as Platform })}
                >
                  {PLATFORM_OPTIONS.map((p) => (
                    <option key={p} value={p}>
                      {platformLabel(t, p)}
                    </option>
                  ))}
                </Select>
              </span>
              <span>
                <TextInput
                  value={d.format}
                  placeholder={t('engagement.deliverables.formatPlaceholder')}
                  aria-label={t('engagement.deliverables.formatN', { n: index + 1 })}
                  aria-invalid={errors[`${index}.format`] ? true : undefined}
                  onChange={(e) => update(d.key, { format: e.target.value })}
                />
              </span>
              <span>
                <TextInput
                  type="number"
                  min={1}
                  max={100}
                  value={d.count}
                  aria-label={t('engagement.deliverables.countN', { n: index + 1 })}
                  aria-invalid={errors[`${index}.count`] ? true : undefined}
                  onChange={(e) => update(d.key, { count: e.target.value })}
                />
              </span>
              <span>
                <DateInput
                  kind="datetime"
                  value={d.dueLocal}
                  aria-label={t('engagement.deliverables.dueN', { n: index + 1 })}
                  aria-invalid={errors[`${index}.due`] ? true : undefined}
                  onChange={(dueLocal) => update(d.key, { dueLocal })}
                />
              </span>
              <span>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => onChange(drafts.filter((x) => x.key !== d.key))}
                  aria-label={t('engagement.deliverables.remove', { n: index + 1 })}
                  title={t('engagement.deliverables.remove', { n: index + 1 })}
                >
                  <TrashIcon />
                </button>
              </span>
              {errors[`${index}.format`] || errors[`${index}.count`] || errors[`${index}.due`] ? (
                <p className="field-error cr-deliverable-error">
                  {[errors[`${index}.format`], errors[`${index}.count`], errors[`${index}.due`]]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      <div>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onChange([...drafts, newDeliverable(drafts.at(-1)?.platform)])}
        >
          <PlusIcon />
          {t('engagement.deliverables.add')}
        </Button>
      </div>
    </div>
  );
}
