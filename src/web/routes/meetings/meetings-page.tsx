import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Meeting, meetingsQuery } from '../../api/insights.ts';
import type { User } from '../../api/types.ts';
import { CalendarIcon, ClockIcon, PlusIcon, TranslateIcon } from '../../components/icons.tsx';
import { Button, EmptyState, ErrorAlert, SkeletonRows } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link, navigate } from '../../router/router.tsx';
import { clockWithZone, timeRange } from '../../time/format.ts';
import { useNow } from '../../time/use-now.ts';
import { splitZone } from '../../time/zones.ts';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { languageName } from '../campaign/market-options.ts';
import { WorkingHoursDialog } from './working-hours-dialog.tsx';

/** Organising is for the team (not stakeholders, not creators); the server checks again. */
export const mayOrganize = (me: User) => ['owner', 'admin', 'market_lead', 'member'].includes(me.role);

/** The zones a meeting spans: the viewer's first, then each participant's, once. */
export function meetingZones(meeting: Meeting, viewerZone: string): string[] {
  return [...new Set([viewerZone, ...meeting.participants.map((p) => p.timeZone)])];
}

function DateTile({ instant, zone }: { instant: string; zone: string }) {
  const [locale] = useLocale();
  const tag = locale === 'ru' ? 'ru' : 'en-GB';
  const date = new Date(instant);
  return (
    <span className="mt-date" aria-hidden="true">
      <span className="mt-date-month">
        {new Intl.DateTimeFormat(tag, { month: 'short', timeZone: zone }).format(date).replace('.', '')}
      </span>
      <span className="mt-date-day">
        {new Intl.DateTimeFormat(tag, { day: 'numeric', timeZone: zone }).format(date)}
      </span>
      <span className="mt-date-weekday">
        {new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: zone }).format(date)}
      </span>
    </span>
  );
}

function MeetingRow({ meeting, me, campaignId }: { meeting: Meeting; me: User; campaignId: string }) {
  const t = useT();
  const [locale] = useLocale();
  const others = meetingZones(meeting, me.timeZone).slice(1);
  const href = `/campaigns/${campaignId}/meetings/${meeting.id}`;
  return (
    <li
      className={`mt-row${meeting.status === 'cancelled' ? ' mt-row-cancelled' : ''}`}
      data-meeting={meeting.title}
    >
      <DateTile instant={meeting.start} zone={me.timeZone} />
      <div className="mt-main">
        <Link to={href} className="mt-title">
          {meeting.title}
        </Link>
        <p className="mt-when">
          <ClockIcon width={16} height={16} />
          <span>{timeRange(meeting.start, meeting.end, me.timeZone, locale)}</span>
          {others.map((zone) => (
            <span key={zone} className="mt-zone">
              {clockWithZone(meeting.start, zone, locale)}
              <span className="visually-hidden"> ({splitZone(zone, locale).city})</span>
            </span>
          ))}
        </p>
        <p className="mt-meta">
          <span>{t('meetings.participantsCount', { count: meeting.participants.length })}</span>
          <span className="mt-langs">
            <TranslateIcon width={16} height={16} />
            {meeting.languages.map((code) => languageName(code, locale)).join(' · ')}
          </span>
          {meeting.interpreter.needed ? (
            <span className="badge badge-accent">
              {meeting.interpreter.name
                ? t('meetings.interpreterNamed', { name: meeting.interpreter.name })
                : t('meetings.interpreter')}
            </span>
          ) : null}
          {meeting.decisions.length ? (
            <span>{t('meetings.decisionsCount', { count: meeting.decisions.length })}</span>
          ) : null}
        </p>
      </div>
      <div className="mt-side">
        {meeting.status === 'cancelled' ? (
          <span className="badge badge-danger">{t('meetings.status.cancelled')}</span>
        ) : null}
        <Button
          size="sm"
          onClick={() => navigate(href)}
          aria-label={t('meetings.openNamed', { title: meeting.title })}
        >
          {t('meetings.open')}
        </Button>
      </div>
    </li>
  );
}

/** `/campaigns/:id/meetings`: upcoming, past and cancelled meetings, in the viewer's zone and everyone's. */
export function MeetingsView({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  useDocumentTitle(`${t('meetings.title')} · ${campaign.name}`);
  const meetings = useQuery(meetingsQuery(campaign.id));
  const now = useNow();
  const [hoursOpen, setHoursOpen] = useState(false);
  const canOrganize = mayOrganize(me);

  const list = meetings.data ?? [];
  const upcoming = list.filter((m) => m.status !== 'cancelled' && Date.parse(m.end) >= now.getTime());
  const past = list.filter((m) => m.status !== 'cancelled' && Date.parse(m.end) < now.getTime()).reverse();
  const cancelled = list.filter((m) => m.status === 'cancelled');
  const groups = [
    { key: 'upcoming', title: t('meetings.group.upcoming'), items: upcoming },
    { key: 'past', title: t('meetings.group.past'), items: past },
    { key: 'cancelled', title: t('meetings.group.cancelled'), items: cancelled },
  ].filter((g) => g.items.length);

  return (
    <div className="tab-page">
      <div className="tab-page-head">
        <div>
          <h2 className="tab-page-title">{t('meetings.title')}</h2>
          <p className="tab-page-text">
            {t('meetings.description', { city: splitZone(me.timeZone, locale).city })}
          </p>
        </div>
        <div className="tab-page-actions">
          <Button onClick={() => setHoursOpen(true)}>
            <ClockIcon width={16} height={16} />
            {t('meetings.hours.open')}
          </Button>
          {canOrganize ? (
            <Link className="button button-primary" to={`/campaigns/${campaign.id}/meetings/plan`}>
              <PlusIcon width={16} height={16} />
              {t('meetings.plan')}
            </Link>
          ) : null}
        </div>
      </div>

      {meetings.isError ? <ErrorAlert error={meetings.error} /> : null}
      {meetings.isPending ? (
        <div className="card">
          <table className="table">
            <tbody>
              <SkeletonRows rows={3} columns={3} />
            </tbody>
          </table>
        </div>
      ) : list.length === 0 ? (
        <div className="card">
          <EmptyState icon={<CalendarIcon width={28} height={28} />} title={t('meetings.empty.title')}>
            <p>{t('meetings.empty.text')}</p>
            {canOrganize ? (
              <Link className="button button-primary" to={`/campaigns/${campaign.id}/meetings/plan`}>
                <PlusIcon width={16} height={16} />
                {t('meetings.plan')}
              </Link>
            ) : null}
          </EmptyState>
        </div>
      ) : (
        groups.map((group) => (
          <section key={group.key} className="mt-group" aria-label={group.title}>
            <h3 className="mt-group-title">
              {group.title} <span className="mt-count">{group.items.length}</span>
            </h3>
            <ul className="card mt-list">
              {group.items.map((meeting) => (
                <MeetingRow key={meeting.id} meeting={meeting} me={me} campaignId={campaign.id} />
              ))}
            </ul>
          </section>
        ))
      )}
      {hoursOpen ? <WorkingHoursDialog onClose={() => setHoursOpen(false)} /> : null}
    </div>
  );
}
