import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { insightKeys, setWorkingHours, type WeeklyHours, workingHoursQuery } from '../../api/insights.ts';
import { DateInput } from '../../components/date-input.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { showToast } from '../../components/toast.tsx';
import { Button, ErrorAlert, Spinner } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { describeZone, splitZone } from '../../time/zones.ts';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
type Day = (typeof DAYS)[number];
interface Row {
  on: boolean;
  start: string;
  end: string;
}

/** Monday 2026-03-09 … Sunday: only used to name the weekdays in the UI language. */
const weekdayName = (day: Day, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 8 + day));

function rowsOf(hours: WeeklyHours): Record<Day, Row> {
  return Object.fromEntries(
    DAYS.map((day) => {
      const h = hours[day];
      return [
        day,
        {
          on: Boolean(h),
          start: h?.start ?? '09:00',
          end: h?.end === '24:00' ? '23:59' : (h?.end ?? '18:00'),
        },
      ];
    }),
  ) as Record<Day, Row>;
}

/**
 * "My working hours": per ISO weekday a start and an end in my own zone, or a day off. The slot
 * finder and the planner grid use them for everyone who plans a meeting with me.
 */
export function WorkingHoursDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const current = useQuery(workingHoursQuery);
  const [rows, setRows] = useState<Record<Day, Row> | null>(null);
  const [invalid, setInvalid] = useState<Day[]>([]);

  useEffect(() => {
    if (current.data && !rows) setRows(rowsOf(current.data.hours));
  }, [current.data, rows]);

  const save = useMutation({
    mutationFn: (hours: WeeklyHours) => setWorkingHours({ hours }),
    onSuccess: (data) => {
      queryClient.setQueryData(insightKeys.workingHours, data);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      showToast(t('meetings.hours.saved'), 'success');
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!rows) return;
    const bad = DAYS.filter((day) => rows[day].on && !(rows[day].end > rows[day].start));
    setInvalid(bad);
    if (bad.length) return;
    const hours: WeeklyHours = {};
    for (const day of DAYS) if (rows[day].on) hours[day] = { start: rows[day].start, end: rows[day].end };
    save.mutate(hours);
  };

  const update = (day: Day, patch: Partial<Row>) => {
    setRows((value) => (value ? { ...value, [day]: { ...value[day], ...patch } } : value));
    setInvalid((list) => list.filter((d) => d !== day));
  };
  const copyMonday = () =>
    setRows((value) =>
      value
        ? ({
            ...value,
            ...Object.fromEntries([2, 3, 4, 5].map((d) => [d, { ...value[1] }])),
          } as Record<Day, Row>)
        : value,
    );

  const zone = current.data?.timeZone;
  const described = zone ? describeZone(zone, locale) : null;
  const formId = 'working-hours-form';

  return (
    <Dialog
      title={t('meetings.hours.title')}
      description={
        zone
          ? t('meetings.hours.description', {
              city: splitZone(zone, locale).city,
              abbreviation: described?.abbreviation ?? '',
            })
          : undefined
      }
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" pending={save.isPending} disabled={!rows}>
            {t('meetings.hours.save')}
          </Button>
        </>
      }
    >
      {current.isError ? <ErrorAlert error={current.error} /> : null}
      {!rows ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <form id={formId} className="mt-hours" onSubmit={submit} noValidate>
          <ErrorAlert error={save.error} />
          <ul className="mt-hours-rows">
            {DAYS.map((day) => {
              const row = rows[day];
              const name = weekdayName(day, locale);
              return (
                <li key={day} className={`mt-hours-row${row.on ? '' : ' mt-hours-off'}`}>
                  <label className="mt-hours-day">
                    <input
                      type="checkbox"
                      checked={row.on}
                      onChange={(event) => update(day, { on: event.target.checked })}
                    />
                    <span>{name}</span>
                  </label>
                  {row.on ? (
                    <div className="mt-hours-times">
                      <DateInput
                        kind="time"
                        className="input mt-time-input"
                        value={row.start}
                        aria-label={t('meetings.hours.start', { day: name })}
                        aria-invalid={invalid.includes(day) || undefined}
                        onChange={(start) => update(day, { start })}
                      />
                      <span aria-hidden="true">–</span>
                      <DateInput
                        kind="time"
                        className="input mt-time-input"
                        value={row.end}
                        aria-label={t('meetings.hours.end', { day: name })}
                        aria-invalid={invalid.includes(day) || undefined}
                        onChange={(end) => update(day, { end })}
                      />
                      {invalid.includes(day) ? (
                        <span className="field-error">{t('meetings.hours.endBeforeStart')}</span>
                      ) : null}
                    </div>
                  ) : (
                    <span className="mt-hours-offtext">{t('meetings.hours.dayOff')}</span>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="mt-hours-foot">
            <Button size="sm" variant="ghost" onClick={copyMonday} disabled={!rows[1].on}>
              {t('meetings.hours.copyMonday')}
            </Button>
            <p className="muted text-sm">{t('meetings.hours.hint')}</p>
          </div>
        </form>
      )}
    </Dialog>
  );
}
