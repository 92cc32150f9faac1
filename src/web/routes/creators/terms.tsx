import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { deliverableAmount } from '../../../shared/deliverable-format.ts';
import { formatInZones, parseLocalTime } from '../../../shared/time/index.ts';
import type { Campaign } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import { type Engagement, type EngagementUpdate, updateEngagement } from '../../api/creators.ts';
import { DateInput } from '../../components/date-input.tsx';
import { PencilIcon } from '../../components/icons.tsx';
import { Button, ErrorAlert, Field, Notice, Select, TextInput } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { describeZone } from '../../time/zones.ts';
import { Facts, Section, Textarea } from './bits.tsx';
import { PlatformMark } from './channels.tsx';
import { refreshEngagement, useConflict } from './conflict.ts';
import { readNumber } from './creator-dialog.tsx';
import {
  type DeliverableDraft,
  DeliverablesEditor,
  localInputValue,
  readDeliverables,
  toDeliverableDrafts,
} from './deliverables-editor.tsx';
import { money } from './labels.ts';

/** Deliverables (due in the creator's zone), fee, promo code, go-live window, rights and payment terms. */
export function TermsSection({
  engagement,
  campaign,
  canEdit,
}: {
  engagement: Engagement;
  campaign: Campaign;
  canEdit: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [editing, setEditing] = useState(false);
  const zone = engagement.creator.timeZone;
  const inZone = (iso: string | null) => (iso ? (formatInZones(iso, [zone], locale)[0]?.label ?? '') : null);
  const dash = <span className="muted">—</span>;
  const goLiveWindow =
    engagement.goLiveFrom || engagement.goLiveTo
      ? t('engagement.terms.window', {
          from: inZone(engagement.goLiveFrom) ?? '…',
          to: inZone(engagement.goLiveTo) ?? '…',
        })
      : null;

  return (
    <Section
      title={t('engagement.terms.title')}
      description={t('engagement.terms.description', {
        zone: describeZone(zone, locale)?.abbreviation ?? zone,
      })}
      actions={
        canEdit && !editing ? (
          <Button size="sm" onClick={() => setEditing(true)}>
            <PencilIcon />
            {t('engagement.terms.edit')}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <TermsForm engagement={engagement} campaign={campaign} onDone={() => setEditing(false)} />
      ) : (
        <>
          <h3 className="cr-subtitle">{t('engagement.deliverables.title')}</h3>
          {engagement.deliverables.length === 0 ? (
            <p className="muted">{t('engagement.deliverables.none')}</p>
          ) : (
            <ul className="cr-deliverables">
              {engagement.deliverables.map((d, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: deliverables have no id of their own
                <li key={index} className="cr-deliverable">
                  <PlatformMark platform={d.platform} />
                  <span className="cr-deliverable-what">{deliverableAmount(t, d.count, d.format)}</span>
                  <span className="cr-deliverable-due">
                    {d.dueAt
                      ? t('engagement.deliverables.due', { when: inZone(d.dueAt) ?? '' })
                      : t('engagement.deliverables.noDue')}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Facts
            items={[
              {
                term: t('engagement.terms.fee'),
                value: money(engagement.fee.amount, engagement.fee.currency, locale),
              },
              {
                term: t('engagement.terms.promoCode'),
                value: engagement.promoCode ? <code>{engagement.promoCode}</code> : dash,
              },
              {
                term: t('engagement.terms.goLiveWindow'),
                value:
                  goLiveWindow ??
                  (engagement.goLive ? (
                    <span>
                      {t('engagement.terms.goLiveMilestone', { when: inZone(engagement.goLive) ?? '' })}
                    </span>
                  ) : (
                    dash
                  )),
              },
              { term: t('engagement.terms.usageRights'), value: engagement.usageRights || dash },
              { term: t('engagement.terms.exclusivity'), value: engagement.exclusivity || dash },
              { term: t('engagement.terms.paymentTerms'), value: engagement.paymentTerms || dash },
            ]}
          />
        </>
      )}
    </Section>
  );
}

function TermsForm({
  engagement,
  campaign,
  onDone,
}: {
  engagement: Engagement;
  campaign: Campaign;
  onDone: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const formId = useId();
  const zone = engagement.creator.timeZone;
  const [amount, setAmount] = useState(String(engagement.fee.amount));
  const [currency, setCurrency] = useState(engagement.fee.currency);
  const [promoCode, setPromoCode] = useState(engagement.promoCode ?? '');
  const initialFrom = localInputValue(engagement.goLiveFrom, zone, locale);
  const initialTo = localInputValue(engagement.goLiveTo, zone, locale);
  const [goLiveFrom, setGoLiveFrom] = useState(initialFrom);
  const [goLiveTo, setGoLiveTo] = useState(initialTo);
  const [usageRights, setUsageRights] = useState(engagement.usageRights);
  const [exclusivity, setExclusivity] = useState(engagement.exclusivity);
  const [paymentTerms, setPaymentTerms] = useState(engagement.paymentTerms);
  const [drafts, setDrafts] = useState<DeliverableDraft[]>(() =>
    toDeliverableDrafts(engagement.deliverables, zone, locale),
  );
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const { conflict, clear, handle } = useConflict(engagement.campaignId, engagement.id);

  const save = useMutation({
    mutationFn: (body: Omit<EngagementUpdate, 'version'>) =>
      updateEngagement(engagement.id, { version: engagement.version, ...body }),
    onSuccess: async () => {
      await refreshEngagement(queryClient, engagement.campaignId, engagement.id);
      onDone();
    },
    onError: async (error) => {
      if (await handle(error)) return;
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const instant = (
    value: string,
    initial: string,
    saved: string | null,
    key: string,
    found: Record<string, string>,
  ) => {
    if (!value) return null;
    if (value === initial && saved) return saved;
    const parsed = parseLocalTime(value, zone);
    if (!parsed.ok)
      found[key] =
        parsed.reason === 'nonexistent'
          ? t('engagement.deliverables.dueGap')
          : t('engagement.deliverables.dueOverlap');
    return { local: value.slice(0, 16), timeZone: zone };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const fee = readNumber(amount);
    if (fee === undefined || fee === null) found.fee = t('engagement.add.feeInvalid');
    const from = instant(goLiveFrom, initialFrom, engagement.goLiveFrom, 'goLiveFrom', found);
    const to = instant(goLiveTo, initialTo, engagement.goLiveTo, 'goLiveTo', found);
    if (goLiveFrom && goLiveTo && goLiveTo < goLiveFrom) found.goLiveTo = t('engagement.terms.windowOrder');
    const deliverables = readDeliverables(t, drafts, zone);
    for (const [k, v] of Object.entries(deliverables.errors)) found[`d.${k}`] = v;
    setErrors(found);
    if (Object.keys(found).length || typeof fee !== 'number') return;
    clear();
    save.mutate({
      fee: { amount: fee, currency },
      promoCode: promoCode.trim() || null,
      goLiveFrom: from,
      goLiveTo: to,
      usageRights,
      exclusivity,
      paymentTerms,
      deliverables: deliverables.body,
    });
  };

  const currencies = [...new Set([...campaign.markets.map((m) => m.currency), engagement.fee.currency])];
  const deliverableErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('d.'))
      .map(([k, v]) => [k.slice(2), v]),
  );
  const abbreviation = describeZone(zone, locale)?.abbreviation ?? zone;

  return (
    <form id={formId} className="form" onSubmit={submit} noValidate>
      {conflict ? (
        <Notice tone="warning">{t('engagement.conflict.saveAgain')}</Notice>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      <fieldset className="cr-fieldset">
        <legend>{t('engagement.deliverables.title')}</legend>
        <DeliverablesEditor drafts={drafts} onChange={setDrafts} zone={zone} errors={deliverableErrors} />
      </fieldset>
      <div className="cr-grid-3">
        <Field label={t('engagement.add.fee')} error={errors.fee}>
          {(control) => (
            <TextInput
              {...control}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('engagement.add.currency')}>
          {(control) => (
            <Select {...control} value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('engagement.add.promoCode')} error={errors.promoCode} optional>
          {(control) => (
            <TextInput
              {...control}
              className="cr-mono"
              value={promoCode}
              onChange={(e) => setPromoCode(e.target.value.toUpperCase())}
            />
          )}
        </Field>
      </div>
      <div className="cr-grid-2">
        <Field
          label={t('engagement.terms.goLiveFrom', { zone: abbreviation })}
          error={errors.goLiveFrom}
          optional
        >
          {(control) => (
            <DateInput {...control} kind="datetime" value={goLiveFrom} onChange={(v) => setGoLiveFrom(v)} />
          )}
        </Field>
        <Field
          label={t('engagement.terms.goLiveTo', { zone: abbreviation })}
          error={errors.goLiveTo}
          optional
        >
          {(control) => (
            <DateInput {...control} kind="datetime" value={goLiveTo} onChange={(v) => setGoLiveTo(v)} />
          )}
        </Field>
      </div>
      <Field label={t('engagement.terms.usageRights')} hint={t('engagement.terms.usageRightsHint')} optional>
        {(control) => (
          <Textarea
            {...control}
            rows={2}
            value={usageRights}
            onChange={(e) => setUsageRights(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('engagement.terms.exclusivity')} hint={t('engagement.terms.exclusivityHint')} optional>
        {(control) => (
          <Textarea
            {...control}
            rows={2}
            value={exclusivity}
            onChange={(e) => setExclusivity(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('engagement.terms.paymentTerms')}
        hint={t('engagement.terms.paymentTermsHint')}
        optional
      >
        {(control) => (
          <Textarea
            {...control}
            rows={2}
            value={paymentTerms}
            onChange={(e) => setPaymentTerms(e.target.value)}
          />
        )}
      </Field>
      <p className="field-hint">{t('engagement.terms.agreementNote')}</p>
      <div className="form-actions">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" pending={save.isPending}>
          {t('common.saveChanges')}
        </Button>
      </div>
    </form>
  );
}
