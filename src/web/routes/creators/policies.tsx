import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { Campaign } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import {
  creatorKeys,
  type Policy,
  type PolicyDefault,
  type PolicyInput,
  policiesQuery,
  policyDefaultsQuery,
  setCampaignPolicy,
  setPolicyDefault,
} from '../../api/creators.ts';
import type { User } from '../../api/types.ts';
import { PencilIcon, PlusIcon } from '../../components/icons.tsx';
import { Badge, Button, ErrorAlert, Field, Select, TextInput } from '../../components/ui.tsx';
import { useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { Modal, Section, Textarea } from './bits.tsx';
import { briefingStyleLabel } from './labels.ts';

type PolicyValues = Omit<PolicyDefault, 'marketCode'>;

const isAdmin = (me: User) => me.role === 'owner' || me.role === 'admin';

/** Mirrors the server's rule for campaign settings (admins, leads of one of its markets). */
export function mayEditPolicies(me: User, campaign: Campaign): boolean {
  if (isAdmin(me)) return true;
  return me.role === 'market_lead' && campaign.markets.some((m) => me.markets.includes(m.code));
}

/** Revision rounds, feedback turnaround, briefing style and notes of one market, as a summary. */
export function PolicySummary({ policy }: { policy: PolicyValues }) {
  const t = useT();
  return (
    <dl className="cr-policy-facts">
      <div>
        <dt>{t('policies.revisionRounds')}</dt>
        <dd>{t('policies.roundsValue', { count: policy.revisionRounds })}</dd>
      </div>
      <div>
        <dt>{t('policies.turnaround')}</dt>
        <dd>{t('policies.hoursValue', { count: policy.feedbackTurnaroundHours })}</dd>
      </div>
      <div>
        <dt>{t('policies.briefingStyle')}</dt>
        <dd>{briefingStyleLabel(t, policy.briefingStyle)}</dd>
      </div>
    </dl>
  );
}

/** Edits one market's rules: a campaign's own (PUT …/policies/:market) or the workspace default. */
export function PolicyDialog({
  title,
  description,
  initial,
  askMarket = false,
  save,
  onClose,
}: {
  title: string;
  description: string;
  initial: PolicyValues & { marketCode: string };
  askMarket?: boolean;
  save: (marketCode: string, body: PolicyInput) => Promise<unknown>;
  onClose: () => void;
}) {
  const t = useT();
  const formId = useId();
  const [marketCode, setMarketCode] = useState(initial.marketCode);
  const [rounds, setRounds] = useState(String(initial.revisionRounds));
  const [hours, setHours] = useState(String(initial.feedbackTurnaroundHours));
  const [style, setStyle] = useState(initial.briefingStyle);
  const [notes, setNotes] = useState(initial.communicationNotes);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const mutation = useMutation({
    mutationFn: (input: { code: string; body: PolicyInput }) => save(input.code, input.body),
    onSuccess: onClose,
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const code = marketCode.trim().toUpperCase();
    if (!/^[A-Z]{2,8}$/.test(code)) found.marketCode = t('creators.form.marketInvalid');
    const roundsValue = Number(rounds);
    if (!Number.isInteger(roundsValue) || roundsValue < 0 || roundsValue > 20)
      found.revisionRounds = t('policies.roundsInvalid');
    const hoursValue = Number(hours);
    if (!Number.isInteger(hoursValue) || hoursValue < 1 || hoursValue > 720)
      found.feedbackTurnaroundHours = t('policies.hoursInvalid');
    setErrors(found);
    if (Object.keys(found).length) return;
    mutation.mutate({
      code,
      body: {
        revisionRounds: roundsValue,
        feedbackTurnaroundHours: hoursValue,
        briefingStyle: style,
        communicationNotes: notes,
      },
    });
  };

  return (
    <Modal
      title={title}
      description={description}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" pending={mutation.isPending}>
            {t('common.saveChanges')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={mutation.error} />
        {askMarket ? (
          <Field
            label={t('creators.form.market')}
            hint={t('creators.form.marketHint')}
            error={errors.marketCode}
          >
            {(control) => (
              <TextInput
                {...control}
                value={marketCode}
                maxLength={8}
                onChange={(e) => setMarketCode(e.target.value.toUpperCase())}
                autoFocus
              />
            )}
          </Field>
        ) : null}
        <div className="cr-grid-2">
          <Field
            label={t('policies.revisionRounds')}
            hint={t('policies.roundsHint')}
            error={errors.revisionRounds}
          >
            {(control) => (
              <TextInput
                {...control}
                type="number"
                min={0}
                max={20}
                value={rounds}
                onChange={(e) => setRounds(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('policies.turnaroundHours')}
            hint={t('policies.turnaroundHint')}
            error={errors.feedbackTurnaroundHours}
          >
            {(control) => (
              <TextInput
                {...control}
                type="number"
                min={1}
                max={720}
                value={hours}
                onChange={(e) => setHours(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          label={t('policies.briefingStyle')}
          hint={t(`policies.styleHint.${style}`)}
          error={errors.briefingStyle}
        >
          {(control) => (
            <Select {...control} value={style} onChange={(e) => setStyle(e.target.value as typeof style)}>
              <option value="full_upfront">{briefingStyleLabel(t, 'full_upfront')}</option>
              <option value="iterative">{briefingStyleLabel(t, 'iterative')}</option>
            </Select>
          )}
        </Field>
        <Field
          label={t('policies.notes')}
          hint={t('policies.notesHint')}
          error={errors.communicationNotes}
          optional
        >
          {(control) => (
            <Textarea {...control} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />
          )}
        </Field>
      </form>
    </Modal>
  );
}

const sourceTone = (source: Policy['source']) => (source === 'campaign' ? 'accent' : 'neutral');

/** "Market rules" of a campaign: one card per market, editable by whoever may edit the campaign. */
export function MarketRulesPanel({ campaign, me }: { campaign: Campaign; me: User }) {
  const t = useT();
  const queryClient = useQueryClient();
  const policies = useQuery(policiesQuery(campaign.id));
  const [editing, setEditing] = useState<Policy | null>(null);
  const canEdit = mayEditPolicies(me, campaign);

  return (
    <Section
      title={t('policies.title')}
      description={t('policies.description')}
      id="market-rules"
      actions={
        isAdmin(me) ? (
          <Link className="button button-ghost button-sm" to="/creators#defaults">
            {t('policies.defaultsLink')}
          </Link>
        ) : null
      }
    >
      <ErrorAlert error={policies.error} />
      <div className="cr-policy-grid">
        {policies.isPending
          ? campaign.markets.map((m) => (
              <div key={m.code} className="cr-policy-card cr-policy-skeleton skeleton" />
            ))
          : null}
        {policies.data?.map((policy) => (
          <article key={policy.marketCode} className="cr-policy-card" aria-label={policy.marketCode}>
            <header className="cr-policy-head">
              <span className="cr-market-code">{policy.marketCode}</span>
              <Badge tone={sourceTone(policy.source)}>{t(`policies.source.${policy.source}`)}</Badge>
              {canEdit ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="cr-policy-edit"
                  onClick={() => setEditing(policy)}
                  aria-label={t('policies.editMarket', { market: policy.marketCode })}
                >
                  <PencilIcon />
                  {t('policies.edit')}
                </Button>
              ) : null}
            </header>
            <PolicySummary policy={policy} />
            {policy.communicationNotes ? (
              <p className="cr-policy-notes">{policy.communicationNotes}</p>
            ) : null}
          </article>
        ))}
      </div>
      {editing ? (
        <PolicyDialog
          title={t('policies.editTitle', { market: editing.marketCode })}
          description={t('policies.editDescription')}
          initial={editing}
          onClose={() => setEditing(null)}
          save={async (code, body) => {
            await setCampaignPolicy(campaign.id, code, body);
            await queryClient.invalidateQueries({ queryKey: creatorKeys.policies(campaign.id) });
          }}
        />
      ) : null}
    </Section>
  );
}

/** Workspace defaults per market code; a campaign starts from them. Everyone on staff reads, admins edit. */
export function PolicyDefaultsCard({ me }: { me: User }) {
  const t = useT();
  const queryClient = useQueryClient();
  const defaults = useQuery(policyDefaultsQuery);
  const [editing, setEditing] = useState<(PolicyDefault & { isNew?: boolean }) | null>(null);
  const canEdit = isAdmin(me);
  const save = async (code: string, body: PolicyInput) => {
    await setPolicyDefault(code, body);
    await queryClient.invalidateQueries({ queryKey: creatorKeys.policyDefaults });
    await queryClient.invalidateQueries({ queryKey: ['campaign'] });
  };

  return (
    <Section
      id="defaults"
      title={t('policies.defaultsTitle')}
      description={t('policies.defaultsDescription')}
      actions={
        canEdit ? (
          <Button
            size="sm"
            onClick={() =>
              setEditing({
                marketCode: '',
                revisionRounds: 2,
                feedbackTurnaroundHours: 48,
                briefingStyle: 'full_upfront',
                communicationNotes: '',
                isNew: true,
              })
            }
          >
            <PlusIcon />
            {t('policies.addDefault')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={defaults.error} />
      {defaults.data && defaults.data.length === 0 ? (
        <p className="muted">{t('policies.noDefaults')}</p>
      ) : null}
      <div className="cr-policy-grid">
        {defaults.data?.map((policy) => (
          <article key={policy.marketCode} className="cr-policy-card" aria-label={policy.marketCode}>
            <header className="cr-policy-head">
              <span className="cr-market-code">{policy.marketCode}</span>
              {canEdit ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="cr-policy-edit"
                  onClick={() => setEditing(policy)}
                  aria-label={t('policies.editMarket', { market: policy.marketCode })}
                >
                  <PencilIcon />
                  {t('policies.edit')}
                </Button>
              ) : null}
            </header>
            <PolicySummary policy={policy} />
            {policy.communicationNotes ? (
              <p className="cr-policy-notes">{policy.communicationNotes}</p>
            ) : null}
          </article>
        ))}
      </div>
      {editing ? (
        <PolicyDialog
          title={
            editing.isNew
              ? t('policies.addDefaultTitle')
              : t('policies.defaultTitle', { market: editing.marketCode })
          }
          description={t('policies.defaultDescription')}
          initial={editing}
          askMarket={editing.isNew}
          onClose={() => setEditing(null)}
          save={save}
        />
      ) : null}
    </Section>
  );
}
