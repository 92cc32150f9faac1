import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type AcknowledgementStatus,
  acknowledgementsQuery,
  acknowledgeVersion,
  type Campaign,
  campaignKeys,
  requestAcknowledgement,
} from '../../../api/campaigns.ts';
import { usersQuery } from '../../../api/queries.ts';
import type { User } from '../../../api/types.ts';
import { CheckIcon } from '../../../components/icons.tsx';
import { Button, ErrorAlert, Select } from '../../../components/ui.tsx';
import { useLocale, useT } from '../../../i18n/locale.tsx';
import { roleLabel } from '../../../labels.ts';
import { formatInstant } from '../../../time/format.ts';

function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/**
 * Who has acknowledged the current published version and who has not; the button for the
 * signed-in user when they are asked to; and, for admins and leads, asking someone else.
 */
export function AcknowledgementsCard({
  campaign,
  version,
  me,
  canAsk,
}: {
  campaign: Campaign;
  version: number;
  me: User;
  canAsk: boolean;
  now?: Date;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const status = useQuery(acknowledgementsQuery(campaign.id, version));

  const acknowledge = useMutation({
    mutationFn: () => acknowledgeVersion(campaign.id, version, {}),
    onSuccess: (result) =>
      queryClient.setQueryData(campaignKeys.acknowledgements(campaign.id, version), result),
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.brief(campaign.id), exact: true });
      void queryClient.invalidateQueries({ queryKey: campaignKeys.acknowledgements(campaign.id, version) });
    },
  });

  const data = status.data;
  const mine = data?.people.find((person) => person.userId === me.id);
  const percent = data && data.required > 0 ? Math.round((data.acknowledged / data.required) * 100) : 0;

  return (
    <section className="card cp-ack-card" aria-labelledby="ack-title">
      <div className="cp-ack-head">
        <div>
          <h2 className="card-title" id="ack-title">
            {t('ack.title', { version })}
          </h2>
          {data ? (
            <p className="card-description">
              {data.required === 0
                ? t('ack.nobody')
                : data.complete
                  ? t('ack.complete')
                  : t('ack.progress', { acknowledged: data.acknowledged, required: data.required })}
            </p>
          ) : null}
        </div>
        {data && data.required > 0 ? (
          <div
            className={`cp-ack-meter${data.complete ? ' cp-ack-meter-complete' : ''}`}
            role="img"
            aria-label={t('ack.progress', { acknowledged: data.acknowledged, required: data.required })}
          >
            <span className="cp-ack-meter-count">
              {data.acknowledged}/{data.required}
            </span>
            <span className="cp-ack-meter-bar">
              <span style={{ width: `${percent}%` }} />
            </span>
          </div>
        ) : null}
      </div>
      <ErrorAlert error={status.error} />
      {mine && !mine.acknowledgedAt ? (
        <div className="cp-ack-you">
          <p>{t('ack.youAreAsked', { version })}</p>
          <Button variant="primary" onClick={() => acknowledge.mutate()} pending={acknowledge.isPending}>
            <CheckIcon />
            {t('ack.acknowledge', { version })}
          </Button>
        </div>
      ) : null}
      {mine?.acknowledgedAt ? (
        <p className="cp-ack-you-done" role="status">
          <CheckIcon width={16} height={16} />
          {t('ack.youAcknowledged', {
            version,
            when: formatInstant(mine.acknowledgedAt, me.timeZone, locale),
          })}
        </p>
      ) : null}
      <ErrorAlert error={acknowledge.error} />
      {data && data.people.length > 0 ? (
        <ul className="cp-ack-people" aria-label={t('ack.peopleLabel')}>
          {data.people.map((person) => (
            <li
              key={person.userId}
              className={`cp-ack-person${person.acknowledgedAt ? ' cp-ack-person-done' : ''}`}
              data-testid="ack-person"
            >
              <span className="avatar cp-avatar-sm" aria-hidden="true">
                {initials(person.name)}
              </span>
              <span className="cp-ack-person-text">
                <span className="cp-ack-person-name">
                  {person.name}
                  {person.userId === me.id ? <span className="cp-ack-person-you">{t('ack.you')}</span> : null}
                </span>
                <span className="cp-ack-person-meta">
                  {roleLabel(t, person.role)}
                  {person.markets.length ? ` · ${person.markets.join(', ')}` : ''}
                  {person.reason === 'asked' ? ` · ${t('ack.reasonAsked')}` : ''}
                </span>
              </span>
              {person.acknowledgedAt ? (
                <span className="cp-ack-state cp-ack-state-done">
                  <CheckIcon width={14} height={14} />
                  <span>
                    {t('ack.acknowledgedAt', {
                      when: formatInstant(person.acknowledgedAt, me.timeZone, locale),
                    })}
                  </span>
                </span>
              ) : (
                <span className="cp-ack-state cp-ack-state-pending">{t('ack.pending')}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {canAsk && data ? <AskForm campaignId={campaign.id} status={data} /> : null}
    </section>
  );
}

function AskForm({ campaignId, status }: { campaignId: string; status: AcknowledgementStatus }) {
  const t = useT();
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery);
  const [userId, setUserId] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const candidates = (users.data ?? []).filter(
    (user) => user.role !== 'creator' && !status.people.some((p) => p.userId === user.id),
  );

  const ask = useMutation({
    mutationFn: (id: string) => requestAcknowledgement(campaignId, { userId: id }),
    onSuccess: (_, id) => {
      setAsked(users.data?.find((user) => user.id === id)?.name ?? null);
      setUserId('');
      void queryClient.invalidateQueries({ queryKey: ['campaign', campaignId, 'acknowledgements'] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (userId) ask.mutate(userId);
  };

  if (users.isSuccess && candidates.length === 0 && !asked) return null;

  return (
    <form className="cp-ack-ask" onSubmit={submit}>
      <label className="cp-ack-ask-label" htmlFor="ack-ask-user">
        {t('ack.askLabel')}
      </label>
      <div className="cp-ack-ask-row">
        <Select
          id="ack-ask-user"
          value={userId}
          onChange={(event) => {
            setUserId(event.target.value);
            setAsked(null);
          }}
        >
          <option value="">{t('ack.askPlaceholder')}</option>
          {candidates.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} · {roleLabel(t, user.role)}
              {user.markets.length ? ` · ${user.markets.join(', ')}` : ''}
            </option>
          ))}
        </Select>
        <Button type="submit" disabled={!userId} pending={ask.isPending}>
          {t('ack.ask')}
        </Button>
      </div>
      {asked ? (
        <p className="saved-note" role="status">
          {t('ack.asked', { name: asked })}
        </p>
      ) : null}
      <ErrorAlert error={ask.error} />
    </form>
  );
}
