import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type SlotParticipant, workingIntervals } from '../../../shared/meetings/slot-finder.ts';
import { formatInZones, parseLocalTime } from '../../../shared/time/index.ts';
import { ApiError } from '../../api/client.ts';
import { insightKeys, type Meeting, updateMeeting } from '../../api/insights.ts';
import type { User } from '../../api/types.ts';
import { DateInput } from '../../components/date-input.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { Button, ErrorAlert, Field, Select } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { dayLabel, meetingLength, timeRange } from '../../time/format.ts';
import { splitZone } from '../../time/zones.ts';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { meetingZones } from './meetings-page.tsx';

const DURATIONS = [15, 30, 45, 60, 90, 120, 180];

/**
 * Moves a meeting: a new local date and time in any participant's zone (the viewer's by default),
 * previewed in everyone's zone. The invitation keeps its UID and its SEQUENCE rises, so calendars
 * that accepted it update the event in place.
 */
export function RescheduleDialog({
  me,
  meeting,
  participants,
  onClose,
  onSaved,
}: {
  me: User;
  meeting: Meeting;
  participants: SlotParticipant[];
  onClose: () => void;
  onSaved: (next: Meeting) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  const queryClient = useQueryClient();
  const zones = meetingZones(meeting, me.timeZone);
  const [zone, setZone] = useState(me.timeZone);
  const [initial] = formatInZones(meeting.start, [me.timeZone], locale);
  const [date, setDate] = useState(initial?.date ?? '');
  const [time, setTime] = useState(initial?.time ?? '');
  const [minutes, setMinutes] = useState(meeting.durationMinutes);

  const parsed = date && time ? parseLocalTime(`${date}T${time}`, zone) : null;
  const start = parsed?.ok ? parsed.instant : null;
  const end = start ? new Date(Date.parse(start) + minutes * 60_000).toISOString() : null;
  const unchanged = start === meeting.start && minutes === meeting.durationMinutes;

  const save = useMutation({
    mutationFn: () =>
      updateMeeting(meeting.id, {
        version: meeting.version,
        start: { local: `${date}T${time}`, timeZone: zone },
        durationMinutes: minutes,
      }),
    onSuccess: onSaved,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: insightKeys.meeting(campaign.id, meeting.id) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (start && !unchanged) save.mutate();
  };
  const outside = (p: SlotParticipant) => {
    if (!start || !end) return 0;
    const a = Date.parse(start);
    const b = Date.parse(end);
    let covered = 0;
    for (const [x, y] of workingIntervals(p, a, b)) covered += Math.max(0, Math.min(y, b) - Math.max(x, a));
    return Math.round((b - a - covered) / 60_000);
  };
  const formId = 'reschedule-form';

  return (
    <Dialog
      title={t('meetings.reschedule.title')}
      description={t('meetings.reschedule.description', { from: meeting.sequence, to: meeting.sequence + 1 })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            form={formId}
            variant="primary"
            pending={save.isPending}
            disabled={!start || unchanged}
          >
            {t('meetings.reschedule.save')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={save.error} />
        <div className="form-row">
          <Field label={t('meetings.reschedule.date')}>
            {(control) => <DateInput {...control} kind="date" value={date} onChange={(v) => setDate(v)} />}
          </Field>
          <Field label={t('meetings.reschedule.time')}>
            {(control) => <DateInput {...control} kind="time" value={time} onChange={(v) => setTime(v)} />}
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('meetings.reschedule.zone')} hint={t('meetings.reschedule.zoneHint')}>
            {(control) => (
              <Select {...control} value={zone} onChange={(e) => setZone(e.target.value)}>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {splitZone(z, locale).city} ({z})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('meetings.reschedule.duration')}>
            {(control) => (
              <Select {...control} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
                {[...new Set([...DURATIONS, meeting.durationMinutes])]
                  .sort((a, b) => a - b)
                  .map((m) => (
                    <option key={m} value={m}>
                      {meetingLength(m, locale)}
                    </option>
                  ))}
              </Select>
            )}
          </Field>
        </div>
        {parsed && !parsed.ok ? (
          <p className="field-error" role="alert">
            {parsed.reason === 'nonexistent'
              ? t('meetings.reschedule.gap')
              : parsed.reason === 'ambiguous'
                ? t('meetings.reschedule.ambiguous')
                : t('meetings.reschedule.invalid')}
          </p>
        ) : null}
        {start && end ? (
          <ul className="mt-preview" aria-label={t('meetings.form.localTimes')}>
            {meeting.participants.map((person) => {
              const p = participants.find((x) => x.id === person.key);
              const out = p ? outside(p) : 0;
              return (
                <li key={person.key}>
                  <span className="mt-preview-name">{person.name}</span>
                  <span>
                    {dayLabel(start, person.timeZone, locale)},{' '}
                    {timeRange(start, end, person.timeZone, locale)}
                  </span>
                  {out ? (
                    <span className="badge badge-warning">
                      {t('planner.slots.outside', { minutes: out })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        <div className="alert alert-info" role="note">
          <p>{t('meetings.reschedule.sequenceNote', { from: meeting.sequence, to: meeting.sequence + 1 })}</p>
        </div>
      </form>
    </Dialog>
  );
}
