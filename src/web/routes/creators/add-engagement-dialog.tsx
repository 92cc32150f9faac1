import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import type { Campaign } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import {
  createEngagement,
  creatorKeys,
  type EngagementInput,
  type EngagementStatus,
  rosterQuery,
  updateEngagement,
} from '../../api/creators.ts';
import { Button, ErrorAlert, Field, Select, TextInput } from '../../components/ui.tsx';
import { useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { Modal } from './bits.tsx';
import { RespondByInput } from './commitment.tsx';
import { readNumber } from './creator-dialog.tsx';
import {
  type DeliverableDraft,
  DeliverablesEditor,
  newDeliverable,
  readDeliverables,
} from './deliverables-editor.tsx';
import { statusLabel } from './labels.ts';

/** Statuses a creator can enter the campaign with (signing comes later, through the agreement). */
const START_STATUSES: EngagementStatus[] = ['shortlisted', 'contacted', 'tentative', 'confirmed'];

/** Puts a roster creator in the campaign: fee, promo code, deliverables due in the creator's zone. */
export function AddEngagementDialog({
  campaign,
  engaged,
  onClose,
}: {
  campaign: Campaign;
  engaged: string[];
  onClose: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const formId = useId();
  const roster = useQuery(rosterQuery);
  const available = useMemo(
    () => (roster.data ?? []).filter((c) => !engaged.includes(c.id)),
    [roster.data, engaged],
  );
  const [creatorId, setCreatorId] = useState('');
  const creator = available.find((c) => c.id === creatorId) ?? null;
  const marketOf = (code: string) => campaign.markets.find((m) => m.code === code);
  const currencies = [...new Set(campaign.markets.map((m) => m.currency))];
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(campaign.markets[0]?.currency ?? 'USD');
  const [promoCode, setPromoCode] = useState('');
  const [status, setStatus] = useState<EngagementStatus>('shortlisted');
  const [reason, setReason] = useState('');
  const [drafts, setDrafts] = useState<DeliverableDraft[]>([]);
  // When the offer must be answered (and signed) by, typed in the creator's zone.
  const [respondBy, setRespondBy] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const create = useMutation({
    mutationFn: (body: EngagementInput) => createEngagement(campaign.id, body),
    onSuccess: async (engagement) => {
      // The starting status, when not the default, is set with its reason (audited).
      if (status !== 'shortlisted') {
        await updateEngagement(engagement.id, {
          version: engagement.version,
          status,
          reason: reason.trim() || undefined,
        }).catch(() => undefined);
      }
      await queryClient.invalidateQueries({ queryKey: creatorKeys.engagements(campaign.id) });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const choose = (id: string) => {
    setCreatorId(id);
    const picked = available.find((c) => c.id === id);
    const market = picked ? marketOf(picked.marketCode) : undefined;
    if (market) setCurrency(market.currency);
    if (picked && drafts.length === 0) {
      setDrafts([newDeliverable(picked.channels[0]?.platform ?? 'instagram')]);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!creator) found.creatorId = t('engagement.add.pickCreator');
    const fee = readNumber(amount);
    if (fee === undefined || fee === null) found.fee = t('engagement.add.feeInvalid');
    if (status !== 'shortlisted' && !reason.trim()) found.reason = t('engagement.status.reasonRequired');
    const zone = creator?.timeZone ?? 'UTC';
    const deliverables = readDeliverables(t, drafts, zone);
    Object.assign(
      found,
      Object.fromEntries(Object.entries(deliverables.errors).map(([k, v]) => [`d.${k}`, v])),
    );
    setErrors(found);
    if (Object.keys(found).length || !creator || typeof fee !== 'number') return;
    create.mutate({
      creatorId: creator.id,
      fee: { amount: fee, currency },
      deliverables: deliverables.body,
      ...(promoCode.trim() ? { promoCode: promoCode.trim() } : {}),
      ...(respondBy ? { respondBy: { local: respondBy, timeZone: zone, disambiguation: 'earlier' } } : {}),
    });
  };

  const deliverableErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('d.'))
      .map(([k, v]) => [k.slice(2), v]),
  );
  const markets = [...new Set(available.map((c) => c.marketCode))].sort();

  return (
    <Modal
      title={t('engagement.add.title')}
      description={t('engagement.add.description', { campaign: campaign.name })}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            form={formId}
            variant="primary"
            pending={create.isPending}
            disabled={!creator}
          >
            {t('engagement.add.submit')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error ?? roster.error} />
        <Field
          label={t('engagement.add.creator')}
          hint={
            roster.data && available.length === 0 ? (
              <>
                {t('engagement.add.noneLeft')} <Link to="/creators">{t('engagement.add.toRoster')}</Link>
              </>
            ) : (
              t('engagement.add.creatorHint')
            )
          }
          error={errors.creatorId}
        >
          {(control) => (
            <Select
              {...control}
              value={creatorId}
              onChange={(e) => choose(e.target.value)}
              disabled={!roster.data}
            >
              <option value="">{roster.data ? t('engagement.add.choose') : t('common.loading')}</option>
              {markets.map((code) => (
                <optgroup key={code} label={code}>
                  {available
                    .filter((c) => c.marketCode === code)
                    .sort((a, b) => a.name.localeCompare(b.name))
                    .map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                        {c.channels[0] ? ` — ${c.channels[0].handle}` : ''}
                      </option>
                    ))}
                </optgroup>
              ))}
            </Select>
          )}
        </Field>
        {creator && !marketOf(creator.marketCode) ? (
          <p className="field-hint cr-warn-text">
            {t('engagement.add.marketNotInCampaign', { market: creator.marketCode })}
          </p>
        ) : null}
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
                {[...new Set([...currencies, currency])].map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field
            label={t('engagement.add.promoCode')}
            hint={t('engagement.add.promoHint')}
            error={errors.promoCode}
            optional
          >
            {(control) => (
              <TextInput
                {...control}
                value={promoCode}
                className="cr-mono"
                onChange={(e) => setPromoCode(e.target.value.toUpperCase())}
              />
            )}
          </Field>
        </div>
        <div className="cr-grid-2">
          <Field label={t('engagement.add.status')} hint={t('engagement.add.statusHint')}>
            {(control) => (
              <Select
                {...control}
                value={status}
                onChange={(e) => setStatus(e.target.value as EngagementStatus)}
              >
                {START_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(t, s)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {status !== 'shortlisted' ? (
            <Field label={t('engagement.status.reason')} error={errors.reason}>
              {(control) => (
                <TextInput
                  {...control}
                  value={reason}
                  placeholder={t('engagement.status.reasonPlaceholder')}
                  onChange={(e) => setReason(e.target.value)}
                />
              )}
            </Field>
          ) : null}
        </div>
        {creator ? (
          <RespondByInput value={respondBy} onChange={setRespondBy} zone={creator.timeZone} />
        ) : null}
        <fieldset className="cr-fieldset">
          <legend>{t('engagement.deliverables.title')}</legend>
          {creator ? (
            <DeliverablesEditor
              drafts={drafts}
              onChange={setDrafts}
              zone={creator.timeZone}
              errors={deliverableErrors}
            />
          ) : (
            <p className="muted">{t('engagement.add.pickFirst')}</p>
          )}
        </fieldset>
      </form>
    </Modal>
  );
}
