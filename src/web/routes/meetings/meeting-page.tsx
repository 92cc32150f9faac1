import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { marketName } from '../../../shared/market-name.ts';
import { workingIntervals } from '../../../shared/meetings/slot-finder.ts';
import { ApiError } from '../../api/client.ts';
import {
  cancelMeeting,
  type Decision,
  decisionToTask,
  icsUrl,
  insightKeys,
  type Meeting,
  meetingQuery,
  recordDecision,
  updateMeeting,
} from '../../api/insights.ts';
import { usersQuery } from '../../api/queries.ts';
import type { User } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import {
  ArrowLeftIcon,
  CalendarIcon,
  CheckIcon,
  DownloadIcon,
  TranslateIcon,
} from '../../components/icons.tsx';
import { Popover } from '../../components/popover.tsx';
import { showToast } from '../../components/toast.tsx';
import { Button, EmptyState, ErrorAlert, Select, Spinner, TextInput } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { roleLabel } from '../../labels.ts';
import { Link } from '../../router/router.tsx';
import { dayLabel, formatInstant, longDayLabel, timeRange } from '../../time/format.ts';
import { splitZone } from '../../time/zones.ts';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { languageName } from '../campaign/market-options.ts';
import { HistoryLink } from '../history-link.tsx';
import { mayOrganize, meetingZones } from './meetings-page.tsx';
import { externalPerson, type Person, usePeopleDirectory, useSlotParticipants } from './people.ts';
import { RescheduleDialog } from './reschedule-dialog.tsx';

const personOf = (p: Meeting['participants'][number]): Person => ({
  key: p.key,
  kind: p.kind,
  id: p.id,
  name: p.name,
  timeZone: p.timeZone,
  email: p.email,
  detail: '',
  language: p.language,
});

/** `/campaigns/:id/meetings/:meetingId`: one meeting in everyone's zone, its invitation, notes and decisions. */
export function MeetingView({ me, meetingId }: { me: User; meetingId: string }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  const meeting = useQuery(meetingQuery(campaign.id, meetingId));
  useDocumentTitle(meeting.data ? `${meeting.data.title} · ${campaign.name}` : t('meetings.title'));

  if (meeting.isPending) return <Spinner label={t('common.loading')} />;
  if (meeting.isError) {
    const missing = meeting.error instanceof ApiError && meeting.error.status === 404;
    return (
      <div className="card">
        {missing ? (
          <EmptyState icon={<CalendarIcon width={28} height={28} />} title={t('meetings.notFound')}>
            <Link className="button button-secondary" to={`/campaigns/${campaign.id}/meetings`}>
              {t('meetings.backToList')}
            </Link>
          </EmptyState>
        ) : (
          <div className="card-body">
            <ErrorAlert error={meeting.error} />
          </div>
        )}
      </div>
    );
  }
  return <MeetingDetail me={me} meeting={meeting.data} locale={locale} />;
}

function MeetingDetail({ me, meeting, locale }: { me: User; meeting: Meeting; locale: 'en' | 'ru' }) {
  const t = useT();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  const directory = usePeopleDirectory();
  const canOrganize = mayOrganize(me);
  const cancelled = meeting.status === 'cancelled';
  const [rescheduling, setRescheduling] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const people = meeting.participants.map(personOf);
  const { participants } = useSlotParticipants(people, directory.externals);
  const zones = meetingZones(meeting, me.timeZone);
  const start = Date.parse(meeting.start);
  const end = Date.parse(meeting.end);

  const setMeeting = (next: Meeting) => {
    queryClient.setQueryData(insightKeys.meeting(campaign.id, next.id), next);
    void queryClient.invalidateQueries({ queryKey: insightKeys.meetings(campaign.id), exact: true });
  };
  const cancel = useMutation({
    mutationFn: () => cancelMeeting(meeting.id),
    onSuccess: (next) => {
      setMeeting(next);
      setCancelling(false);
      showToast(t('meetings.cancelled', { title: next.title }), 'success');
    },
  });

  const outsideOf = (key: string) => {
    const p = participants.find((x) => x.id === key);
    if (!p) return null;
    const intervals = workingIntervals(p, start, end);
    let covered = 0;
    for (const [a, b] of intervals) covered += Math.max(0, Math.min(b, end) - Math.max(a, start));
    return Math.round((end - start - covered) / 60_000);
  };
  const kindOf = (person: Meeting['participants'][number]) => {
    if (person.kind === 'user') {
      const user = directory.team.find((u) => u.id === person.id);
      return user ? roleLabel(t, user.detail) : '';
    }
    const guest = directory.externals.find((e) => e.id === person.id);
    return guest ? t(`planner.kind.${externalPerson(guest).detail as 'other'}`) : '';
  };

  const agendaLanguages = [...new Set([...meeting.languages, ...Object.keys(meeting.agenda)])].filter(
    (code) => meeting.agenda[code]?.trim(),
  );

  return (
    <div className="tab-page meeting">
      <div className="tab-page-head">
        <div>
          <Link to={`/campaigns/${campaign.id}/meetings`} className="mt-back">
            <ArrowLeftIcon width={16} height={16} />
            {t('meetings.backToList')}
          </Link>
          <h2 className="tab-page-title mt-meeting-title">
            {meeting.title}
            {cancelled ? (
              <span className="badge badge-danger mt-meeting-title-badge">
                {t('meetings.status.cancelled')}
              </span>
            ) : null}
          </h2>
          <p className="tab-page-text">
            {t('meetings.organizedBy', { name: meeting.organizer.name })} ·{' '}
            <span title={t('meetings.sequenceHint')}>
              {t('meetings.sequence', { sequence: meeting.sequence })}
            </span>
          </p>
        </div>
        <div className="tab-page-actions">
          <HistoryLink
            entityType="meeting"
            entityId={meeting.id}
            campaignId={campaign.id}
            label={meeting.title}
          />
          <Popover
            label={
              <>
                <DownloadIcon width={16} height={16} />
                {t('meetings.ics.download')}
              </>
            }
            buttonClassName="button button-secondary"
            panelLabel={t('meetings.ics.download')}
          >
            <p className="menu-group-hint">
              {cancelled ? t('meetings.ics.cancelHint') : t('meetings.ics.hint')}
            </p>
            <div className="menu-choices">
              {(['en', 'ru'] as const).map((code) => (
                <a
                  key={code}
                  className="menu-choice"
                  href={icsUrl(meeting.id, code)}
                  download={`${meeting.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'invite'}-${code}.ics`}
                  data-testid={`ics-${code}`}
                  aria-label={t('meetings.ics.inLanguage', { language: languageName(code, locale) })}
                >
                  {languageName(code, locale)}
                </a>
              ))}
            </div>
          </Popover>
          {canOrganize && !cancelled ? (
            <>
              <Button onClick={() => setRescheduling(true)}>{t('meetings.reschedule.open')}</Button>
              <Button variant="danger" onClick={() => setCancelling(true)}>
                {t('meetings.cancel.open')}
              </Button>
            </>
          ) : null}
        </div>
      </div>

      {cancelled ? (
        <div className="alert alert-warning" role="status">
          <p>{t('meetings.cancelledNotice')}</p>
        </div>
      ) : null}

      <div className="mt-meeting-grid">
        <div className="stack-lg">
          <section className="card mt-meeting-when" aria-label={t('meetings.when')}>
            <div className="mt-meeting-when-head">
              <CalendarIcon width={20} height={20} />
              <div>
                <p className="mt-meeting-when-day">{longDayLabel(meeting.start, me.timeZone, locale)}</p>
                <p className="mt-meeting-when-time" data-testid="meeting-viewer-time">
                  {timeRange(meeting.start, meeting.end, me.timeZone, locale)}
                  <span className="muted mt-meeting-when-city"> · {splitZone(me.timeZone, locale).city}</span>
                </p>
              </div>
            </div>
            <div className="mt-meeting-zones">
              {zones.slice(1).map((zone) => (
                <div key={zone} className="mt-local-zone">
                  <span className="mt-local-city">{splitZone(zone, locale).city}</span>
                  <span className="mt-local-time">{timeRange(meeting.start, meeting.end, zone, locale)}</span>
                  <span className="mt-local-day">{dayLabel(meeting.start, zone, locale)}</span>
                </div>
              ))}
            </div>
            <div className="table-wrap mt-meeting-people-wrap">
              <table className="table table-cells-stacked mt-meeting-people">
                <caption className="visually-hidden">{t('meetings.people.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('meetings.people.name')}</th>
                    <th scope="col">{t('meetings.people.localTime')}</th>
                    <th scope="col">{t('meetings.people.hours')}</th>
                  </tr>
                </thead>
                <tbody>
                  {meeting.participants.map((person) => {
                    const outside = outsideOf(person.key);
                    return (
                      <tr key={person.key} data-participant={person.name}>
                        <td>
                          <span className="cell-primary">{person.name}</span>
                          <span className="cell-secondary">
                            {[kindOf(person), person.email].filter(Boolean).join(' · ')}
                            {person.key === `user:${meeting.organizer.id}`
                              ? ` · ${t('meetings.people.organizer')}`
                              : ''}
                          </span>
                        </td>
                        <td className="cell-nowrap">
                          <span className="cell-primary">
                            {timeRange(meeting.start, meeting.end, person.timeZone, locale)}
                          </span>
                          <span className="cell-secondary">
                            {dayLabel(meeting.start, person.timeZone, locale)} ·{' '}
                            {splitZone(person.timeZone, locale).city}
                          </span>
                        </td>
                        <td>
                          {outside === null ? (
                            <span className="muted">…</span>
                          ) : outside === 0 ? (
                            <span className="badge badge-success mt-people-badge">
                              <CheckIcon width={12} height={12} />
                              {t('meetings.people.inside')}
                            </span>
                          ) : (
                            <span className="badge badge-warning mt-people-badge">
                              {t('planner.slots.outside', { minutes: outside })}
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          <section className="card" aria-labelledby="meeting-agenda-title">
            <div className="card-header">
              <h3 className="card-title" id="meeting-agenda-title">
                {t('meetings.agenda')}
              </h3>
            </div>
            <div className="card-body">
              {agendaLanguages.length === 0 ? (
                <p className="muted">{t('meetings.noAgenda')}</p>
              ) : (
                <div
                  className="mt-agenda-columns"
                  style={{ gridTemplateColumns: `repeat(${agendaLanguages.length}, minmax(0, 1fr))` }}
                >
                  {agendaLanguages.map((code) => (
                    <div key={code} className="mt-agenda-view" lang={code}>
                      <p className="mt-agenda-lang">{languageName(code, locale)}</p>
                      <p className="pre-line">{meeting.agenda[code]}</p>
                    </div>
                  ))}
                </div>
              )}
            </div>
          </section>

          <Decisions me={me} meeting={meeting} canOrganize={canOrganize} onChange={setMeeting} />
        </div>

        <div className="stack-lg">
          <section className="card" aria-labelledby="meeting-lang-title">
            <div className="card-header">
              <h3 className="card-title" id="meeting-lang-title">
                {t('meetings.languages')}
              </h3>
            </div>
            <div className="card-body">
              <p className="mt-langs">
                <TranslateIcon width={16} height={16} />
                {meeting.languages.map((code) => languageName(code, locale)).join(' · ')}
              </p>
              <p>
                {meeting.interpreter.needed
                  ? meeting.interpreter.name
                    ? t('meetings.interpreterNamed', { name: meeting.interpreter.name })
                    : t('meetings.interpreterTbd')
                  : t('meetings.noInterpreter')}
              </p>
            </div>
          </section>
          <Notes meeting={meeting} canOrganize={canOrganize && !cancelled} onChange={setMeeting} />
        </div>
      </div>

      {rescheduling ? (
        <RescheduleDialog
          me={me}
          meeting={meeting}
          participants={participants}
          onClose={() => setRescheduling(false)}
          onSaved={(next) => {
            setMeeting(next);
            setRescheduling(false);
            showToast(t('meetings.reschedule.done', { sequence: next.sequence }), 'success');
          }}
        />
      ) : null}
      {cancelling ? (
        <ConfirmDialog
          title={t('meetings.cancel.title', { title: meeting.title })}
          confirmLabel={t('meetings.cancel.confirm')}
          onConfirm={() => cancel.mutate()}
          onClose={() => setCancelling(false)}
          pending={cancel.isPending}
          error={<ErrorAlert error={cancel.error} />}
        >
          <p>{t('meetings.cancel.text', { next: meeting.sequence + 1 })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function Notes({
  meeting,
  canOrganize,
  onChange,
}: {
  meeting: Meeting;
  canOrganize: boolean;
  onChange: (next: Meeting) => void;
}) {
  const t = useT();
  const [text, setText] = useState(meeting.notes);
  const [base, setBase] = useState(meeting.notes);
  // Someone else's saved notes replace ours only while we have not started typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the server's notes only
  useEffect(() => {
    if (text === base) setText(meeting.notes);
    setBase(meeting.notes);
  }, [meeting.notes]);
  const save = useMutation({
    mutationFn: () => updateMeeting(meeting.id, { version: meeting.version, notes: text }),
    onSuccess: (next) => {
      onChange(next);
      showToast(t('meetings.notes.saved'), 'success');
    },
  });
  const dirty = text !== meeting.notes;
  return (
    <section className="card" aria-labelledby="meeting-notes-title">
      <div className="card-header">
        <div>
          <h3 className="card-title" id="meeting-notes-title">
            {t('meetings.notes.title')}
          </h3>
          <p className="card-description">{t('meetings.notes.hint')}</p>
        </div>
      </div>
      <div className="card-body">
        <ErrorAlert error={save.error} />
        {canOrganize ? (
          <>
            <textarea
              className="input textarea"
              aria-labelledby="meeting-notes-title"
              value={text}
              rows={8}
              placeholder={t('meetings.notes.placeholder')}
              onChange={(event) => setText(event.target.value)}
            />
            <div className="form-actions">
              <Button
                variant="primary"
                size="sm"
                disabled={!dirty}
                pending={save.isPending}
                onClick={() => save.mutate()}
              >
                {t('meetings.notes.save')}
              </Button>
            </div>
          </>
        ) : meeting.notes ? (
          <p className="pre-line">{meeting.notes}</p>
        ) : (
          <p className="muted">{t('meetings.notes.empty')}</p>
        )}
      </div>
    </section>
  );
}

function Decisions({
  me,
  meeting,
  canOrganize,
  onChange,
}: {
  me: User;
  meeting: Meeting;
  canOrganize: boolean;
  onChange: (next: Meeting) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const record = useMutation({
    mutationFn: () => recordDecision(meeting.id, { text: text.trim() }),
    onSuccess: (decision) => {
      onChange({ ...meeting, decisions: [...meeting.decisions, decision] });
      setText('');
      void queryClient.invalidateQueries({ queryKey: insightKeys.meeting(campaign.id, meeting.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) record.mutate();
  };
  return (
    <section className="card" aria-labelledby="meeting-decisions-title">
      <div className="card-header">
        <div>
          <h3 className="card-title" id="meeting-decisions-title">
            {t('meetings.decisions.title')}
          </h3>
          <p className="card-description">{t('meetings.decisions.hint')}</p>
        </div>
      </div>
      <div className="card-body">
        {meeting.decisions.length === 0 ? <p className="muted">{t('meetings.decisions.empty')}</p> : null}
        <ol className="mt-decision-list">
          {meeting.decisions.map((decision, index) => (
            <DecisionItem
              key={decision.id}
              me={me}
              meeting={meeting}
              decision={decision}
              number={index + 1}
              canOrganize={canOrganize}
              onTask={(taskId) =>
                onChange({
                  ...meeting,
                  decisions: meeting.decisions.map((d) => (d.id === decision.id ? { ...d, taskId } : d)),
                })
              }
              when={formatInstant(decision.createdAt, me.timeZone, locale)}
            />
          ))}
        </ol>
        {canOrganize ? (
          <form className="mt-decision-form" onSubmit={submit}>
            <ErrorAlert error={record.error} className="mt-decision-error" />
            <TextInput
              aria-label={t('meetings.decisions.new')}
              placeholder={t('meetings.decisions.placeholder')}
              value={text}
              maxLength={2000}
              onChange={(event) => setText(event.target.value)}
            />
            <Button type="submit" variant="primary" pending={record.isPending} disabled={!text.trim()}>
              {t('meetings.decisions.record')}
            </Button>
          </form>
        ) : null}
      </div>
    </section>
  );
}

function DecisionItem({
  me,
  meeting,
  decision,
  number,
  canOrganize,
  onTask,
  when,
}: {
  me: User;
  meeting: Meeting;
  decision: Decision;
  number: number;
  canOrganize: boolean;
  onTask: (taskId: string) => void;
  when: string;
}) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery);
  const [open, setOpen] = useState(false);
  const [ownerId, setOwnerId] = useState(me.id);
  const [marketCode, setMarketCode] = useState('');
  const make = useMutation({
    mutationFn: () =>
      decisionToTask(meeting.id, decision.id, { ownerId, ...(marketCode ? { marketCode } : {}) }),
    onSuccess: (task) => {
      onTask(task.id);
      setOpen(false);
      showToast(t('meetings.decisions.taskCreated', { number: task.number }), 'success');
    },
    onError: (error) => {
      // Someone made the task first: show theirs.
      if (error instanceof ApiError && error.code === 'decision_has_task') {
        setOpen(false);
        void queryClient.invalidateQueries({ queryKey: insightKeys.meeting(campaign.id, meeting.id) });
      }
    },
  });
  const taskHref = decision.taskId ? `/campaigns/${campaign.id}/tasks/${decision.taskId}` : null;
  return (
    <li className="mt-decision" data-decision={decision.text}>
      <span className="mt-decision-number" aria-hidden="true">
        {number}
      </span>
      <div className="mt-decision-main">
        <p className="mt-decision-text">{decision.text}</p>
        <p className="cell-secondary">{when}</p>
        {open ? (
          <div className="mt-decision-task-form">
            <Select
              className="mt-decision-task-select"
              aria-label={t('meetings.decisions.owner')}
              value={ownerId}
              onChange={(e) => setOwnerId(e.target.value)}
            >
              {(users.data ?? [])
                .filter((u) => u.role !== 'creator' && u.role !== 'stakeholder')
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </Select>
            <Select
              className="mt-decision-task-select"
              aria-label={t('meetings.decisions.market')}
              value={marketCode}
              onChange={(e) => setMarketCode(e.target.value)}
            >
              <option value="">{t('meetings.decisions.allMarkets')}</option>
              {campaign.markets.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.code} — {marketName(m, locale)}
                </option>
              ))}
            </Select>
            <Button size="sm" variant="primary" pending={make.isPending} onClick={() => make.mutate()}>
              {t('meetings.decisions.createTask')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <ErrorAlert error={make.error} />
          </div>
        ) : null}
      </div>
      <div className="decision-side">
        {taskHref ? (
          <Link to={taskHref} className="mt-decision-task-link">
            <CheckIcon width={14} height={14} />
            {t('meetings.decisions.openTask')}
          </Link>
        ) : canOrganize && !open ? (
          <Button size="sm" onClick={() => setOpen(true)}>
            {t('meetings.decisions.makeTask')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
