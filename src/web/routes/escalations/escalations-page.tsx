import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  decideEscalation,
  type Escalation,
  type EscalationStatus,
  escalationKeys,
  escalationQuery,
  escalationsQuery,
} from '../../api/escalations.ts';
import { meQuery } from '../../api/queries.ts';
import { Button, EmptyState, ErrorAlert, Field, SkeletonRows, TextInput } from '../../components/ui.tsx';
import { useT } from '../../i18n/locale.tsx';
import { Link, navigate, useLocation } from '../../router/router.tsx';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { HistoryLink } from '../history-link.tsx';
import {
  LevelPill,
  mayDecide,
  mayRaise,
  personName,
  RaiseEscalationDialog,
  StatusPill,
  TimeToDecision,
  useEscalationLiveUpdates,
  useRuleTitle,
  useZonedInstant,
} from './bits.tsx';

const FILTERS = ['all', 'open', 'decided', 'expired'] as const;
type Filter = (typeof FILTERS)[number];

/** Where an item an escalation was raised from lives in the app. */
function itemPath(campaignId: string, escalation: Escalation): string | null {
  if (!escalation.entityId) return null;
  switch (escalation.entityType) {
    case 'task':
      return `/campaigns/${campaignId}/tasks/${escalation.entityId}`;
    case 'engagement':
      return `/campaigns/${campaignId}/creators/${escalation.entityId}`;
    case 'milestone':
      return `/campaigns/${campaignId}/timeline`;
    default:
      return null;
  }
}

/** The campaign's escalations: status, level, who holds each and the time left to decide. */
export function EscalationsPage() {
  const t = useT();
  const campaign = useLayoutCampaign();
  const me = useQuery(meQuery).data;
  const location = useLocation();
  const filter = (FILTERS as readonly string[]).includes(location.search.get('status') ?? '')
    ? (location.search.get('status') as Filter)
    : 'all';
  const list = useQuery(
    escalationsQuery(campaign.id, filter === 'all' ? {} : { status: filter as EscalationStatus }),
  );
  const [raising, setRaising] = useState(false);
  useEscalationLiveUpdates(campaign.id);
  const ruleTitle = useRuleTitle();
  return (
    <div className="esc-page">
      <div className="esc-toolbar">
        <fieldset className="esc-filters" aria-label={t('escalationUi.filter.label')}>
          {FILTERS.map((value) => (
            <button
              key={value}
              type="button"
              className="esc-filter"
              aria-pressed={filter === value}
              onClick={() =>
                navigate(
                  `/campaigns/${campaign.id}/escalations${value === 'all' ? '' : `?status=${value}`}`,
                  {
                    replace: true,
                  },
                )
              }
            >
              {t(`escalationUi.filter.${value}`)}
            </button>
          ))}
        </fieldset>
        {mayRaise(me) ? (
          <Button variant="primary" onClick={() => setRaising(true)}>
            {t('escalationUi.raise.open')}
          </Button>
        ) : null}
      </div>
      {list.isPending ? <SkeletonRows rows={3} columns={3} /> : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.length === 0 ? (
        <EmptyState title={t('escalationUi.empty.title')}>
          <p>{t('escalationUi.empty.text')}</p>
        </EmptyState>
      ) : null}
      <div className="esc-list">
        {list.data?.map((escalation) => (
          <Link
            key={escalation.id}
            to={`/campaigns/${campaign.id}/escalations/${escalation.id}`}
            className="esc-card"
            data-testid="escalation-card"
          >
            <div className="esc-card-head">
              <StatusPill escalation={escalation} />
              <LevelPill level={escalation.level} />
              <span className="esc-summary">{escalation.summary}</span>
            </div>
            <div className="esc-meta">
              <span>{ruleTitle(escalation.rule)}</span>
              {escalation.entityLabel ? (
                <span>
                  {t(`escalationUi.entity.${escalation.entityType ?? 'task'}`)}: {escalation.entityLabel}
                </span>
              ) : null}
              {escalation.status === 'open' ? (
                <span>
                  {t('escalationUi.item.holder', { name: personName(escalation, escalation.deciderId) })}
                </span>
              ) : null}
              {escalation.status === 'decided' ? (
                <span>{t('escalationUi.item.decision', { decision: escalation.decision ?? '' })}</span>
              ) : null}
              <TimeToDecision escalation={escalation} />
            </div>
          </Link>
        ))}
      </div>
      {raising ? (
        <RaiseEscalationDialog
          campaignId={campaign.id}
          onClose={() => setRaising(false)}
          onRaised={(escalation) => navigate(`/campaigns/${campaign.id}/escalations/${escalation.id}`)}
        />
      ) : null}
    </div>
  );
}

/** One escalation: the question, who holds it until when, its history, and the decide form. */
export function EscalationDetailPage({ escalationId }: { escalationId: string }) {
  const t = useT();
  const campaign = useLayoutCampaign();
  const me = useQuery(meQuery).data;
  const query = useQuery(escalationQuery(campaign.id, escalationId));
  const zoned = useZonedInstant(campaign);
  const ruleTitle = useRuleTitle();
  useEscalationLiveUpdates(campaign.id);
  if (query.isPending) return <SkeletonRows rows={4} columns={2} />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const escalation = query.data;
  const path = itemPath(campaign.id, escalation);
  return (
    <div className="esc-page esc-detail" data-testid="escalation-detail">
      <nav>
        <Link to={`/campaigns/${campaign.id}/escalations`}>{t('escalationUi.back')}</Link>
        <HistoryLink
          entityType="escalation"
          entityId={escalation.id}
          campaignId={campaign.id}
          label={escalation.summary}
        />
      </nav>
      <div className="card">
        <div className="card-body esc-detail">
          <div className="esc-card-head">
            <StatusPill escalation={escalation} />
            <LevelPill level={escalation.level} />
            <h2 className="esc-summary">{escalation.summary}</h2>
          </div>
          <dl className="esc-detail-grid">
            <dt>{t('escalationUi.detail.rule')}</dt>
            <dd>{ruleTitle(escalation.rule)}</dd>
            {escalation.entityLabel ? (
              <>
                <dt>{t(`escalationUi.entity.${escalation.entityType ?? 'task'}`)}</dt>
                <dd>{path ? <Link to={path}>{escalation.entityLabel}</Link> : escalation.entityLabel}</dd>
              </>
            ) : null}
            <dt>{t('escalationUi.detail.raisedBy')}</dt>
            <dd>{personName(escalation, escalation.raisedBy)}</dd>
            <dt>
              {t(escalation.status === 'open' ? 'escalationUi.detail.decider' : 'escalationUi.detail.heldBy')}
            </dt>
            <dd data-testid="escalation-decider">{personName(escalation, escalation.deciderId)}</dd>
            {escalation.status === 'open' ? (
              <>
                <dt>{t('escalationUi.detail.due')}</dt>
                <dd>
                  {zoned(escalation.dueAt, escalation.marketCode)} <TimeToDecision escalation={escalation} />
                </dd>
              </>
            ) : null}
          </dl>
          {escalation.status === 'decided' ? (
            <div className="esc-decision" data-testid="escalation-decision">
              <strong>{escalation.decision}</strong>
              {escalation.note ? <p>{escalation.note}</p> : null}
              <div className="esc-history-time">
                {t('escalationUi.detail.decidedBy', {
                  name: personName(escalation, escalation.decidedBy),
                  at: escalation.decidedAt ? zoned(escalation.decidedAt, escalation.marketCode) : '',
                })}
              </div>
            </div>
          ) : null}
          <section>
            <h3>{t('escalationUi.detail.history')}</h3>
            <ol className="esc-history" data-testid="escalation-history">
              {escalation.history.map((step) => (
                <li key={`${step.action}-${step.level}-${step.at}`} data-action={step.action}>
                  <span>
                    {t(`escalationUi.step.${step.action}`, {
                      actor: personName(escalation, step.userId),
                      decider: personName(escalation, step.deciderId),
                      level: step.level,
                    })}
                  </span>
                  <span className="esc-history-time">{zoned(step.at, escalation.marketCode)}</span>
                  {step.dueAt && (step.action === 'raised' || step.action === 'handed_over') ? (
                    <span className="esc-history-time">
                      {t('escalationUi.detail.dueAt', { at: zoned(step.dueAt, escalation.marketCode) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
          {mayDecide(me, escalation) ? <DecideForm escalation={escalation} /> : null}
        </div>
      </div>
    </div>
  );
}

function DecideForm({ escalation }: { escalation: Escalation }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: () => decideEscalation(escalation.id, { decision, ...(note.trim() ? { note } : {}) }),
    onSuccess: (decided) => {
      queryClient.setQueryData(escalationKeys.detail(escalation.campaignId, escalation.id), decided);
      void queryClient.invalidateQueries({ queryKey: escalationKeys.all(escalation.campaignId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decision.trim()) decide.mutate();
  };
  return (
    <form className="form esc-form" onSubmit={submit} aria-label={t('escalationUi.decide.title')}>
      <h3>{t('escalationUi.decide.title')}</h3>
      <Field label={t('escalationUi.decide.decision')}>
        {(control) => (
          <TextInput
            {...control}
            maxLength={2000}
            value={decision}
            onChange={(event) => setDecision(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('escalationUi.decide.note')} optional>
        {(control) => (
          <textarea
            {...control}
            className="input textarea textarea-sm"
            rows={3}
            maxLength={5000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
      {decide.error ? <ErrorAlert error={decide.error} /> : null}
      <div>
        <Button variant="primary" type="submit" pending={decide.isPending} disabled={!decision.trim()}>
          {t('escalationUi.decide.submit')}
        </Button>
      </div>
    </form>
  );
}
