import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { splitMinutes } from '../../../shared/escalation-duration.ts';
import { formatDuration } from '../../../shared/time/duration.ts';
import { formatInZones } from '../../../shared/time/index.ts';
import { briefQuery, type Campaign, type SectionData } from '../../api/campaigns.ts';
import {
  type Escalation,
  type EscalationEntityType,
  escalationKeys,
  escalationsQuery,
  raiseEscalation,
} from '../../api/escalations.ts';
import { meQuery, usersQuery } from '../../api/queries.ts';
import type { User } from '../../api/types.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Button, ErrorAlert, Field, Select } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { useNow } from '../../time/use-now.ts';
import { RECONNECTED, useCampaignEvents } from '../campaign/campaign-events.ts';
import './escalations.css';

type Rule = SectionData['escalation']['rules'][number];

/** Mirrors the server (escalations/policies.ts): the teams raise, stakeholders and creators do not. */
export const mayRaise = (me: User | null | undefined) =>
  !!me && me.role !== 'stakeholder' && me.role !== 'creator';
export const mayDecide = (me: User | null | undefined, escalation: Escalation) =>
  !!me &&
  escalation.status === 'open' &&
  (me.id === escalation.deciderId || me.role === 'owner' || me.role === 'admin');

/** Keeps every escalation query of the campaign current on this screen. */
export function useEscalationLiveUpdates(campaignId: string) {
  const queryClient = useQueryClient();
  useCampaignEvents(campaignId, (event) => {
    if (event.type === RECONNECTED || event.entityType === 'escalation') {
      void queryClient.invalidateQueries({ queryKey: escalationKeys.all(campaignId) });
    }
  });
}

export function StatusPill({ escalation }: { escalation: Escalation }) {
  const t = useT();
  return (
    <span className={`esc-pill esc-pill-${escalation.status}`} data-status={escalation.status}>
      {t(`escalationUi.status.${escalation.status}`)}
    </span>
  );
}

export function LevelPill({ level }: { level: number }) {
  const t = useT();
  if (level < 2) return null;
  return <span className="esc-pill esc-pill-level">{t('escalationUi.level', { level })}</span>;
}

/** "due in 42 minutes" while open, ticking; "overdue" once the time has passed and the clock has not moved it yet. */
export function TimeToDecision({ escalation }: { escalation: Escalation }) {
  const t = useT();
  const now = useNow(15_000);
  if (escalation.status !== 'open') return null;
  const ms = new Date(escalation.dueAt).getTime() - now.getTime();
  const relative = formatDuration(t, ms / 60_000, { relative: true });
  return ms >= 0 ? (
    <span className="esc-due" data-due="future">
      {t('escalationUi.dueIn', { relative })}
    </span>
  ) : (
    <span className="esc-pill esc-pill-overdue" data-due="overdue">
      {t('escalationUi.overdue', { relative })}
    </span>
  );
}

/** An instant in the viewer's zone and the market's (or every market's when none), side by side. */
export function useZonedInstant(campaign: Campaign) {
  const [locale] = useLocale();
  const me = useQuery(meQuery).data;
  return (instant: string, marketCode: string | null) => {
    const marketZones = marketCode
      ? campaign.markets.filter((m) => m.code === marketCode).map((m) => m.timeZone)
      : campaign.markets.map((m) => m.timeZone);
    const zones = [...new Set([me?.timeZone ?? 'UTC', ...marketZones])];
    return formatInZones(instant, zones, locale)
      .map((d) => d.label)
      .join(' · ');
  };
}

export const personName = (escalation: Escalation, id: string | null | undefined) =>
  (id && escalation.people[id]?.name) || '—';

/** The rule's decision in the viewer's language, else in any language it has. */
export function useRuleTitle() {
  const [locale] = useLocale();
  return (rule: { decision: Record<string, string>; id: string }) =>
    rule.decision[locale] || Object.values(rule.decision).find(Boolean) || rule.id;
}

/**
 * "Raise an escalation": pick one of the brief's rules (its decider and time shown), write the
 * question. From an item (task, draft, engagement, milestone) or on its own.
 */
export function RaiseEscalationDialog({
  campaignId,
  entity,
  onClose,
  onRaised,
}: {
  campaignId: string;
  entity?: { type: EscalationEntityType; id: string; label: string } | undefined;
  onClose: () => void;
  onRaised?: (escalation: Escalation) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const brief = useQuery(briefQuery(campaignId));
  const users = useQuery(usersQuery).data ?? [];
  const ruleTitle = useRuleTitle();
  const rules = ((brief.data?.sections.find((s) => s.key === 'escalation')?.data as SectionData['escalation'])
    ?.rules ?? []) as Rule[];
  const [ruleId, setRuleId] = useState('');
  const [summary, setSummary] = useState('');
  const chosen = rules.find((r) => r.id === (ruleId || rules[0]?.id));
  const nameOf = (id: string | null | undefined, label?: string) =>
    (id ? users.find((u) => u.id === id)?.name : undefined) ?? label ?? '—';
  const raise = useMutation({
    mutationFn: () =>
      raiseEscalation(campaignId, {
        ruleId: chosen?.id ?? '',
        summary,
        ...(entity ? { entityType: entity.type, entityId: entity.id } : {}),
      }),
    onSuccess: (escalation) => {
      void queryClient.invalidateQueries({ queryKey: escalationKeys.all(campaignId) });
      onRaised?.(escalation);
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!summary.trim() || !chosen) return;
    raise.mutate();
  };
  return (
    <Dialog
      title={t('escalationUi.raise.title')}
      description={entity ? t('escalationUi.raise.from', { label: entity.label }) : undefined}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            type="submit"
            form="escalation-raise-form"
            pending={raise.isPending}
            disabled={!chosen || !summary.trim()}
          >
            {t('escalationUi.raise.submit')}
          </Button>
        </>
      }
    >
      <form id="escalation-raise-form" className="form esc-form" onSubmit={submit}>
        {rules.length === 0 && brief.isSuccess ? (
          <p className="esc-rule-hint">{t('escalationUi.raise.noRules')}</p>
        ) : (
          <Field label={t('escalationUi.raise.rule')}>
            {(control) => (
              <Select
                {...control}
                value={chosen?.id ?? ''}
                onChange={(event) => setRuleId(event.target.value)}
              >
                {rules.map((rule) => (
                  <option key={rule.id} value={rule.id}>
                    {ruleTitle(rule)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        {chosen ? (
          <p className="esc-rule-hint" data-testid="escalation-rule-hint">
            {t('escalationUi.raise.ruleHint', {
              decider: nameOf(chosen.deciderId, chosen.deciderLabel),
              within: t('escalation.duration', splitMinutes(chosen.withinMinutes)),
              hasNext: chosen.nextId || chosen.nextLabel ? 'yes' : 'no',
              next: nameOf(chosen.nextId, chosen.nextLabel),
            })}
          </p>
        ) : null}
        <Field label={t('escalationUi.raise.question')}>
          {(control) => (
            <textarea
              {...control}
              className="input textarea textarea-sm"
              rows={4}
              maxLength={5000}
              value={summary}
              onChange={(event) => setSummary(event.target.value)}
            />
          )}
        </Field>
        {raise.error ? <ErrorAlert error={raise.error} /> : null}
      </form>
    </Dialog>
  );
}

/**
 * The escalations raised from one item (status, who holds it, the decision), with "Raise
 * escalation"; shown on a task, a draft, an engagement and a milestone.
 */
export function ItemEscalations({
  campaignId,
  entityType,
  entityId,
  label,
}: {
  campaignId: string;
  entityType: EscalationEntityType;
  entityId: string;
  label: string;
}) {
  const t = useT();
  const me = useQuery(meQuery).data;
  const list = useQuery(escalationsQuery(campaignId, { entityType, entityId }));
  const [raising, setRaising] = useState(false);
  useEscalationLiveUpdates(campaignId);
  const items = list.data ?? [];
  return (
    <section
      className="esc-item-list"
      aria-label={t('escalationUi.item.headingFor', { label })}
      data-testid="item-escalations"
    >
      {items.map((escalation) => (
        <div key={escalation.id} className="esc-item">
          <StatusPill escalation={escalation} />
          <LevelPill level={escalation.level} />
          <Link to={`/campaigns/${campaignId}/escalations/${escalation.id}`}>{escalation.summary}</Link>
          {escalation.status === 'open' ? (
            <>
              <span>
                {t('escalationUi.item.holder', { name: personName(escalation, escalation.deciderId) })}
              </span>
              <TimeToDecision escalation={escalation} />
            </>
          ) : null}
          {escalation.status === 'decided' ? (
            <span>{t('escalationUi.item.decision', { decision: escalation.decision ?? '' })}</span>
          ) : null}
        </div>
      ))}
      {mayRaise(me) ? (
        <div>
          <Button size="sm" onClick={() => setRaising(true)}>
            {t('escalationUi.raise.open')}
          </Button>
        </div>
      ) : null}
      {raising ? (
        <RaiseEscalationDialog
          campaignId={campaignId}
          entity={{ type: entityType, id: entityId, label }}
          onClose={() => setRaising(false)}
        />
      ) : null}
    </section>
  );
}
