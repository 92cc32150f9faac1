import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import {
  addDays,
  daysBetween,
  isoDate,
  nextMonday,
  startOfDay,
  todayIn,
} from '../../../shared/time/index.ts';
import { findSlots, type Slot } from '../../api/insights.ts';
import type { User } from '../../api/types.ts';
import { DateInput } from '../../components/date-input.tsx';
import { ArrowLeftIcon, CalendarIcon, ClockIcon, PeopleIcon, PlusIcon } from '../../components/icons.tsx';
import { Button, EmptyState, ErrorAlert, Field, Select, Spinner, TextInput } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { roleLabel } from '../../labels.ts';
import { Link } from '../../router/router.tsx';
import { clock, dayLabel, dayShift, meetingLength, plainDayLabel, timeRange } from '../../time/format.ts';
import { splitZone } from '../../time/zones.ts';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { CreateMeetingDialog } from './create-meeting-dialog.tsx';
import { ExternalParticipantDialog } from './external-participant-dialog.tsx';
import { type Person, usePeopleDirectory, useSlotParticipants } from './people.ts';
import { overlapMinutes, PlannerGrid } from './planner-grid.tsx';

const DURATIONS = [30, 45, 60, 90];
const MAX_RANGE_DAYS = 62;

interface Search {
  people: Person[];
  from: string;
  to: string;
  durationMinutes: number;
}

/** `/campaigns/:id/meetings/plan`: find a slot inside everyone's working hours, then schedule it. */
export function PlannerView({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  useDocumentTitle(`${t('planner.title')} · ${campaign.name}`);
  const directory = usePeopleDirectory();
  const viewerZone = me.timeZone;

  const [keys, setKeys] = useState<string[]>([`user:${me.id}`]);
  const [durationMinutes, setDuration] = useState(60);
  const [customDuration, setCustomDuration] = useState('');
  const initialFrom = nextMonday(todayIn(viewerZone));
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(addDays(initialFrom, 4));
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [externalOpen, setExternalOpen] = useState(false);
  const [search, setSearch] = useState<Search | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [selected, setSelected] = useState<Slot | null>(null);
  const [scope, setScope] = useState<'best' | 'day'>('best');
  const [shown, setShown] = useState(8);
  const [scheduling, setScheduling] = useState<Slot | null>(null);

  const people = useMemo(
    () => keys.map((key) => directory.all.find((p) => p.key === key)).filter((p): p is Person => Boolean(p)),
    [keys, directory.all],
  );
  const available = directory.all.filter((p) => !keys.includes(p.key));

  const find = useMutation({
    mutationFn: (input: Search) =>
      findSlots({
        participants: input.people.map((p) => (p.kind === 'user' ? { userId: p.id } : { externalId: p.id })),
        durationMinutes: input.durationMinutes,
        from: new Date(startOfDay(input.from, viewerZone)).toISOString(),
        to: new Date(startOfDay(addDays(input.to, 1), viewerZone)).toISOString(),
        limit: 100,
      }),
    onSuccess: (result, input) => {
      setSearch(input);
      const first = result.slots[0] ?? null;
      setSelected(first);
      setDay(first ? dayOf(first.start) : input.from);
      setScope('best');
      setShown(8);
    },
  });

  const dayOf = (instant: string) => isoDate(instant, viewerZone);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (to < from) return setRangeError(t('planner.form.rangeOrder'));
    if (daysBetween(from, to).length > MAX_RANGE_DAYS)
      return setRangeError(t('planner.form.rangeTooLong', { days: MAX_RANGE_DAYS }));
    setRangeError(null);
    if (!people.length) return;
    find.mutate({ people, from, to, durationMinutes });
  };

  // The grid is drawn for the people of the last search (not the form being edited).
  const searched = search?.people ?? [];
  const { participants, loading } = useSlotParticipants(searched, directory.externals);
  const result = find.data && search ? find.data : null;
  const days = search ? daysBetween(search.from, search.to) : [];
  const overlapByDay =
    loading || !search
      ? new Map<string, number>()
      : new Map(days.map((d) => [d, overlapMinutes(participants, d, viewerZone)]));
  const currentDay = day ?? days[0] ?? null;
  const zoneOf = (id: string) => result?.participants.find((p) => p.id === id)?.timeZone ?? viewerZone;

  const listed = result
    ? scope === 'best'
      ? result.slots.slice(0, shown)
      : result.slots
          .filter((s) => currentDay && dayOf(s.start) === currentDay)
          .sort((a, b) => a.start.localeCompare(b.start))
    : [];

  const choose = (slot: Slot) => {
    setSelected(slot);
    setDay(dayOf(slot.start));
  };

  return (
    <div className="tab-page planner">
      <div className="tab-page-head">
        <div>
          <Link to={`/campaigns/${campaign.id}/meetings`} className="mt-back">
            <ArrowLeftIcon width={16} height={16} />
            {t('meetings.backToList')}
          </Link>
          <h2 className="tab-page-title">{t('planner.title')}</h2>
          <p className="tab-page-text">
            {t('planner.description', { city: splitZone(viewerZone, locale).city })}
          </p>
        </div>
      </div>

      <form
        className="card mt-planner-form"
        onSubmit={submit}
        noValidate
        aria-label={t('planner.form.label')}
      >
        <div className="mt-planner-form-people">
          <p className="field-label mt-planner-label" id="planner-people-label">
            <PeopleIcon width={16} height={16} />
            {t('planner.form.participants')}
          </p>
          <ul className="mt-planner-chips" aria-labelledby="planner-people-label">
            {people.map((person) => (
              <li key={person.key} className="mt-planner-chip">
                <span className="mt-planner-chip-name">{person.name}</span>
                <span className="mt-planner-chip-zone">
                  {splitZone(person.timeZone, locale).city} · {clock(Date.now(), person.timeZone, locale)}
                </span>
                {person.key === `user:${me.id}` ? null : (
                  <button
                    type="button"
                    className="mt-planner-chip-remove"
                    onClick={() => setKeys((list) => list.filter((k) => k !== person.key))}
                    aria-label={t('planner.form.remove', { name: person.name })}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
          <div className="mt-planner-add">
            <Select
              className="mt-planner-add-select"
              aria-label={t('planner.form.add')}
              value=""
              onChange={(event) => {
                const key = event.target.value;
                if (key) setKeys((list) => [...list, key]);
              }}
              disabled={directory.isPending}
            >
              <option value="">{t('planner.form.addPlaceholder')}</option>
              {available.some((p) => p.kind === 'user') ? (
                <optgroup label={t('planner.form.team')}>
                  {available
                    .filter((p) => p.kind === 'user')
                    .map((p) => (
                      <option key={p.key} value={p.key}>
                        {p.name} — {roleLabel(t, p.detail)}, {splitZone(p.timeZone, locale).city}
                      </option>
                    ))}
                </optgroup>
              ) : null}
              {available.some((p) => p.kind === 'external') ? (
                <optgroup label={t('planner.form.guests')}>
                  {available
                    .filter((p) => p.kind === 'external')
                    .map((p) => (
                      <option key={p.key} value={p.key}>
                        {p.name} — {t(`planner.kind.${p.detail as 'other'}`)},{' '}
                        {splitZone(p.timeZone, locale).city}
                      </option>
                    ))}
                </optgroup>
              ) : null}
            </Select>
            <Button size="sm" variant="ghost" onClick={() => setExternalOpen(true)}>
              <PlusIcon width={14} height={14} />
              {t('planner.form.newExternal')}
            </Button>
          </div>
          <ErrorAlert error={directory.error} />
        </div>

        <div className="mt-planner-form-when">
          <div className="field">
            <span className="field-label mt-planner-label" id="planner-duration-label">
              <ClockIcon width={16} height={16} />
              {t('planner.form.duration')}
            </span>
            <div className="mt-planner-duration">
              <div className="segmented" role="radiogroup" aria-labelledby="planner-duration-label">
                {DURATIONS.map((minutes) => (
                  <label key={minutes} className="segment">
                    <input
                      type="radio"
                      className="segment-input"
                      name="planner-duration"
                      checked={durationMinutes === minutes && !customDuration}
                      onChange={() => {
                        setDuration(minutes);
                        setCustomDuration('');
                      }}
                    />
                    {meetingLength(minutes, locale)}
                  </label>
                ))}
              </div>
              <TextInput
                className="mt-planner-custom-duration"
                inputMode="numeric"
                aria-label={t('planner.form.customDuration')}
                placeholder={t('planner.form.customPlaceholder')}
                value={customDuration}
                onChange={(event) => {
                  const value = event.target.value.replace(/\D/g, '').slice(0, 3);
                  setCustomDuration(value);
                  const minutes = Number(value);
                  if (minutes >= 5 && minutes <= 480) setDuration(minutes);
                }}
              />
            </div>
          </div>
          <div className="mt-planner-range">
            <Field label={t('planner.form.from')} error={rangeError ?? undefined}>
              {(control) => (
                <DateInput {...control} kind="date" value={from} onChange={(v) => v && setFrom(v)} />
              )}
            </Field>
            <Field label={t('planner.form.to')}>
              {(control) => <DateInput {...control} kind="date" value={to} onChange={(v) => v && setTo(v)} />}
            </Field>
          </div>
          <p className="text-sm muted">
            {t('planner.form.rangeHint', { city: splitZone(viewerZone, locale).city })}
          </p>
          <div className="mt-planner-submit">
            <Button type="submit" variant="primary" pending={find.isPending} disabled={!people.length}>
              <CalendarIcon width={16} height={16} />
              {t('planner.form.find')}
            </Button>
          </div>
        </div>
      </form>

      <ErrorAlert error={find.error} />

      {!result ? (
        <div className="card">
          <EmptyState icon={<CalendarIcon width={28} height={28} />} title={t('planner.empty.title')}>
            <p>{t('planner.empty.text')}</p>
          </EmptyState>
        </div>
      ) : (
        <>
          <div
            className={`alert ${result.perfect ? 'alert-success' : 'alert-warning'} mt-planner-summary`}
            role="status"
            data-testid="planner-summary"
          >
            <p>
              {result.perfect
                ? t('planner.result.perfect', {
                    count: result.slots.filter((s) => s.outside.length === 0).length,
                    people: result.participants.length,
                  })
                : result.slots.length
                  ? t('planner.result.compromise')
                  : t('planner.result.none')}
            </p>
          </div>

          <div className="mt-planner-results">
            <section className="card mt-planner-grid-card" aria-label={t('planner.grid.label')}>
              <div className="mt-planner-days" role="tablist" aria-label={t('planner.grid.days')}>
                {days.map((d) => {
                  const minutes = overlapByDay.get(d);
                  return (
                    <button
                      type="button"
                      role="tab"
                      key={d}
                      aria-selected={d === currentDay}
                      className={`mt-planner-day${d === currentDay ? ' mt-planner-day-active' : ''}${minutes ? ' mt-planner-day-fits' : ''}`}
                      onClick={() => setDay(d)}
                    >
                      <span className="mt-planner-day-name">{plainDayLabel(d, locale)}</span>
                      <span className="mt-planner-day-overlap">
                        {minutes === undefined ? '…' : minutes ? meetingLength(minutes, locale) : '—'}
                      </span>
                    </button>
                  );
                })}
              </div>
              <div className="mt-planner-grid-body">
                {loading || !currentDay ? (
                  <Spinner label={t('common.loading')} />
                ) : (
                  <PlannerGrid
                    people={participants}
                    date={currentDay}
                    viewerZone={viewerZone}
                    locale={locale}
                    slots={result.slots}
                    selected={selected}
                    onSelect={choose}
                  />
                )}
                <p className="text-sm muted mt-planner-legend">
                  <span className="mt-legend-swatch mt-legend-work" /> {t('planner.grid.legendWork')}
                  <span className="mt-legend-swatch mt-legend-overlap" /> {t('planner.grid.legendOverlap')}
                  <span className="mt-legend-swatch mt-legend-night" /> {t('planner.grid.legendNight')}
                  <span className="mt-legend-swatch mt-legend-selected" /> {t('planner.grid.legendSelected')}
                </p>
              </div>
            </section>

            <section className="card mt-planner-slots" aria-labelledby="planner-slots-title">
              <div className="mt-planner-slots-head">
                <h3 className="card-title" id="planner-slots-title">
                  {t('planner.slots.title')}
                </h3>
                <div
                  className="segmented segmented-sm"
                  role="radiogroup"
                  aria-label={t('planner.slots.scope')}
                >
                  {(['best', 'day'] as const).map((value) => (
                    <label key={value} className="segment">
                      <input
                        type="radio"
                        className="segment-input"
                        name="planner-scope"
                        checked={scope === value}
                        onChange={() => setScope(value)}
                      />
                      {value === 'best'
                        ? t('planner.slots.best')
                        : currentDay
                          ? plainDayLabel(currentDay, locale)
                          : t('planner.slots.day')}
                    </label>
                  ))}
                </div>
              </div>
              {listed.length === 0 ? (
                <p className="muted mt-planner-slots-empty">{t('planner.slots.empty')}</p>
              ) : (
                <ul className="mt-planner-slot-list">
                  {listed.map((slot) => {
                    const active = selected?.start === slot.start;
                    return (
                      <li key={slot.start}>
                        <div
                          className={`mt-planner-slot${active ? ' mt-planner-slot-active' : ''}${slot.outside.length ? ' planner-slot-compromise' : ''}`}
                          data-slot-start={slot.start}
                        >
                          <button
                            type="button"
                            className="mt-planner-slot-main"
                            aria-pressed={active}
                            onClick={() => choose(slot)}
                          >
                            <span className="mt-planner-slot-top">
                              <span className="mt-planner-slot-day">
                                {dayLabel(slot.start, viewerZone, locale)}
                              </span>
                              {slot.outside.length === 0 ? (
                                <span className="badge badge-success">{t('planner.slots.everyone')}</span>
                              ) : (
                                <span className="badge badge-warning">
                                  {t('planner.slots.inside', {
                                    inside: slot.insideCount,
                                    total: result.participants.length,
                                  })}
                                </span>
                              )}
                            </span>
                            <span className="mt-planner-slot-time">
                              {timeRange(slot.start, slot.end, viewerZone, locale)}
                            </span>
                          </button>
                          <ul className="mt-planner-slot-people">
                            {result.participants.map((p) => {
                              const out = slot.outside.find((o) => o.participantId === p.id);
                              const shift = dayShift(slot.start, p.timeZone, viewerZone);
                              return (
                                <li key={p.id} className={out ? 'mt-planner-out' : undefined}>
                                  <span className="mt-planner-slot-person">{p.name}</span>
                                  <span className="mt-planner-slot-local">
                                    {timeRange(slot.start, slot.end, zoneOf(p.id), locale)}
                                    {shift ? (
                                      <span className="mt-planner-shift">
                                        {' '}
                                        {dayLabel(slot.start, p.timeZone, locale)}
                                      </span>
                                    ) : null}
                                  </span>
                                  {out ? (
                                    <span className="mt-planner-out-text">
                                      {t('planner.slots.outside', { minutes: out.minutesOutside })}
                                    </span>
                                  ) : null}
                                </li>
                              );
                            })}
                          </ul>
                          {active ? (
                            <div className="mt-planner-slot-actions">
                              <Button size="sm" variant="primary" onClick={() => setScheduling(slot)}>
                                {t('planner.slots.schedule')}
                              </Button>
                            </div>
                          ) : null}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              )}
              {scope === 'best' && result.slots.length > shown ? (
                <Button size="sm" variant="ghost" onClick={() => setShown((n) => n + 8)}>
                  {t('planner.slots.more')}
                </Button>
              ) : null}
            </section>
          </div>
        </>
      )}

      {externalOpen ? (
        <ExternalParticipantDialog
          onClose={() => setExternalOpen(false)}
          onCreated={(participant) => {
            setKeys((list) => [...list, `external:${participant.id}`]);
            setExternalOpen(false);
          }}
        />
      ) : null}
      {scheduling && search ? (
        <CreateMeetingDialog
          me={me}
          slot={scheduling}
          durationMinutes={search.durationMinutes}
          people={search.people}
          onClose={() => setScheduling(null)}
        />
      ) : null}
    </div>
  );
}
