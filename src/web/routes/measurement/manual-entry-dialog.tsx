import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { marketName } from '../../../shared/market-name.ts';
import { parseLocalTime } from '../../../shared/time/index.ts';
import { ApiError } from '../../api/client.ts';
import { engagementsQuery, PLATFORM_OPTIONS, type Platform } from '../../api/creators.ts';
import {
  COUNT_FIELDS,
  insightKeys,
  type ManualMetricsInput,
  recordManualMetrics,
} from '../../api/insights.ts';
import type { User } from '../../api/types.ts';
import { DateInput } from '../../components/date-input.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { showToast } from '../../components/toast.tsx';
import { Button, ErrorAlert, Field, Select, TextInput } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { splitZone } from '../../time/zones.ts';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { parseTypedNumber } from './format.ts';

/**
 * Telegram and VK give channel owners statistics in their apps but no dependable export: a post's
 * figures are typed in here, with where they come from (the server records who entered them).
 */
export function ManualEntryDialog({ me, onClose }: { me: User; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  const engagements = useQuery(engagementsQuery(campaign.id));
  const active = (engagements.data ?? []).filter((e) => e.status !== 'declined' && e.status !== 'dropped');
  const [engagementId, setEngagementId] = useState('');
  const chosen = active.find((e) => e.id === engagementId) ?? null;
  const [platform, setPlatform] = useState<Platform>('telegram');
  const [postUrl, setPostUrl] = useState('');
  const [postedAt, setPostedAt] = useState('');
  const [measuredAt, setMeasuredAt] = useState('');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const zone = chosen?.creator.timeZone ?? me.timeZone;

  const pick = (id: string) => {
    setEngagementId(id);
    const engagement = active.find((e) => e.id === id);
    const channel = engagement?.creator.channels.find(
      (c) => c.platform === 'telegram' || c.platform === 'vk',
    );
    if (channel) setPlatform(channel.platform as Platform);
  };

  const save = useMutation({
    mutationFn: (body: ManualMetricsInput) => recordManualMetrics(engagementId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: insightKeys.report(campaign.id) });
      showToast(t('measurement.manual.saved', { name: chosen?.creator.name ?? '' }), 'success');
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const body: ManualMetricsInput = { platform, source: source.trim() };
    if (!engagementId) next.engagement = t('common.required');
    if (source.trim().length < 2) next.source = t('measurement.manual.sourceRequired');
    for (const field of COUNT_FIELDS) {
      const value = parseTypedNumber(counts[field] ?? '', locale);
      if (value === null) continue;
      if (Number.isNaN(value) || value < 0) next[field] = t('measurement.manual.notANumber');
      else body[field] = Math.round(value);
    }
    if (!COUNT_FIELDS.some((f) => body[f] !== undefined) && !next.engagement)
      next.counts = t('measurement.manual.oneFigure');
    if (postUrl.trim()) body.postUrl = postUrl.trim();
    for (const [key, value] of [
      ['postedAt', postedAt],
      ['measuredAt', measuredAt],
    ] as const) {
      if (!value) continue;
      const parsed = parseLocalTime(value, zone, 'earlier');
      if (!parsed.ok) next[key] = t('measurement.manual.badDate');
      else body[key] = { local: value, timeZone: zone };
    }
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate(body);
  };
  const formId = 'manual-metrics-form';

  return (
    <Dialog
      size="lg"
      title={t('measurement.manual.title')}
      description={t('measurement.manual.description')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" pending={save.isPending}>
            {t('measurement.manual.save')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={save.error ?? engagements.error} />
        <div className="form-row">
          <Field label={t('measurement.manual.engagement')} error={errors.engagement}>
            {(control) => (
              <Select {...control} value={engagementId} onChange={(e) => pick(e.target.value)}>
                <option value="">{t('measurement.manual.choose')}</option>
                {campaign.markets.map((market) => {
                  const list = active.filter((e) => e.creator.marketCode === market.code);
                  return list.length ? (
                    <optgroup key={market.code} label={`${market.code} — ${marketName(market, locale)}`}>
                      {list.map((e) => (
                        <option key={e.id} value={e.id}>
                          {e.creator.name}
                          {e.promoCode ? ` · ${e.promoCode}` : ''}
                        </option>
                      ))}
                    </optgroup>
                  ) : null;
                })}
              </Select>
            )}
          </Field>
          <Field label={t('measurement.manual.platform')}>
            {(control) => (
              <Select {...control} value={platform} onChange={(e) => setPlatform(e.target.value as Platform)}>
                {PLATFORM_OPTIONS.map((p) => (
                  <option key={p} value={p}>
                    {t(`measurement.platform.${p}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <Field label={t('measurement.manual.postUrl')} optional error={errors.postUrl}>
          {(control) => (
            <TextInput
              {...control}
              type="url"
              placeholder="https://t.me/…"
              value={postUrl}
              onChange={(e) => setPostUrl(e.target.value)}
            />
          )}
        </Field>
        <div className="form-row">
          <Field
            label={t('measurement.manual.postedAt')}
            optional
            error={errors.postedAt}
            hint={t('measurement.manual.zoneHint', { city: splitZone(zone, locale).city })}
          >
            {(control) => (
              <DateInput {...control} kind="datetime" value={postedAt} onChange={(v) => setPostedAt(v)} />
            )}
          </Field>
          <Field
            label={t('measurement.manual.measuredAt')}
            optional
            error={errors.measuredAt}
            hint={t('measurement.manual.measuredHint')}
          >
            {(control) => (
              <DateInput {...control} kind="datetime" value={measuredAt} onChange={(v) => setMeasuredAt(v)} />
            )}
          </Field>
        </div>
        <fieldset className="ms-manual-counts">
          <legend className="field-label">{t('measurement.manual.figures')}</legend>
          <div className="ms-manual-counts-grid">
            {COUNT_FIELDS.map((field) => (
              <Field key={field} label={t(`imports.field.${field}`)} error={errors[field]}>
                {(control) => (
                  <TextInput
                    {...control}
                    inputMode="numeric"
                    className="input-number"
                    value={counts[field] ?? ''}
                    onChange={(e) => setCounts((value) => ({ ...value, [field]: e.target.value }))}
                  />
                )}
              </Field>
            ))}
          </div>
          {errors.counts ? <p className="field-error">{errors.counts}</p> : null}
        </fieldset>
        <Field
          label={t('measurement.manual.source')}
          error={errors.source}
          hint={t('measurement.manual.sourceHint')}
        >
          {(control) => (
            <TextInput
              {...control}
              value={source}
              maxLength={300}
              placeholder={t('measurement.manual.sourcePlaceholder')}
              onChange={(e) => setSource(e.target.value)}
            />
          )}
        </Field>
        <p className="text-sm muted">{t('measurement.manual.who', { name: me.name })}</p>
      </form>
    </Dialog>
  );
}
