import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/runtime.ts';
import type { WeeklyHours } from '../../../shared/meetings/slot-finder.ts';
import { workingHoursQuery } from '../../api/insights.ts';
import {
  type KindEntry,
  type KindSetting,
  type NotificationGroup,
  type NotificationKind,
  type NotificationSettings,
  notificationSettingsQuery,
  useSaveNotificationSettings,
} from '../../api/notifications.ts';
import type { User } from '../../api/types.ts';
import { showToast } from '../../components/toast.tsx';
import { Badge, Button, Card, ErrorAlert, Notice, PageHeader, Spinner } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { describeZone, splitZone } from '../../time/zones.ts';
import { WorkingHoursDialog } from '../meetings/working-hours-dialog.tsx';
import { INBOX_PATH } from './bell.tsx';
import './notifications.css';

type Mode = 'all' | 'inApp' | 'off';
const MODES: readonly Mode[] = ['all', 'inApp', 'off'];
const MODE_VALUE: Record<Mode, KindSetting> = {
  all: { inApp: true, email: true },
  inApp: { inApp: true, email: false },
  off: { inApp: false, email: false },
};
/** E-mail without the in-app entry is not offered here; such a setting (set through the API) shows no choice. */
const modeOf = (setting: KindSetting): Mode | null =>
  setting.inApp ? (setting.email ? 'all' : 'inApp') : setting.email ? null : 'off';

/** The settings page's order of groups (the server sends kinds in its own order). */
const GROUP_ORDER: readonly NotificationGroup[] = [
  'tasks',
  'brief',
  'creators',
  'meetings',
  'imports',
  'launch',
  'escalations',
  'admin',
];

// The labels are the server catalogue's (notifications.ts), read here so they follow a language
// switch at once; the template literals are checked against it, so a kind without one does not compile.
const kindLabelKey = (kind: NotificationKind): MessageKey => `notification.${kind}.label`;
const groupLabelKey = (group: NotificationGroup): MessageKey => `notification.group.${group}`;

/** The kinds this person can receive, in the catalogue's groups, in a stable order. */
function groupKinds(catalogue: KindEntry[], role: User['role']) {
  const visible = catalogue.filter((entry) => (role === 'creator' ? entry.audience === 'creator' : true));
  const groups = new Map<NotificationGroup, KindEntry[]>();
  for (const entry of visible) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  const rank = (group: NotificationGroup) => GROUP_ORDER.indexOf(group);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

const effective = (settings: NotificationSettings, entry: KindEntry): KindSetting =>
  settings.kinds[entry.kind] ?? entry.default;

/** `/settings/notifications`: per kind in-app + e-mail, in-app only or off; the digest; working hours. */
export function NotificationSettingsPage({ me }: { me: User }) {
  const t = useT();
  useDocumentTitle(t('inbox.settings.title'));
  const settings = useQuery(notificationSettingsQuery);

  return (
    <>
      <PageHeader
        title={t('inbox.settings.title')}
        description={t('inbox.settings.description')}
        actions={
          <Link to={INBOX_PATH} className="button button-ghost">
            {t('inbox.bell.openInbox')}
          </Link>
        }
      />
      <ErrorAlert error={settings.error} />
      {settings.isPending ? <Spinner label={t('common.loading')} /> : null}
      {settings.data ? <SettingsForm me={me} settings={settings.data} /> : null}
    </>
  );
}

function SettingsForm({ me, settings }: { me: User; settings: NotificationSettings }) {
  const t = useT();
  const save = useSaveNotificationSettings();
  const groups = useMemo(() => groupKinds(settings.catalogue, me.role), [settings.catalogue, me.role]);
  const initial = useMemo(() => {
    const kinds: Partial<Record<NotificationKind, KindSetting>> = {};
    for (const [, entries] of groups)
      for (const entry of entries) kinds[entry.kind] = effective(settings, entry);
    return { kinds, digest: settings.digest };
  }, [groups, settings]);
  const [draft, setDraft] = useState(initial);
  // A save (here or in another tab) brings new server values: start again from them.
  useEffect(() => setDraft(initial), [initial]);

  const dirty =
    draft.digest !== initial.digest ||
    (Object.keys(draft.kinds) as NotificationKind[]).some(
      (kind) =>
        draft.kinds[kind]?.inApp !== initial.kinds[kind]?.inApp ||
        draft.kinds[kind]?.email !== initial.kinds[kind]?.email,
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: () => showToast(t('inbox.settings.saved'), 'success') });
  };

  return (
    <form className="stack-lg nt-settings" onSubmit={submit} noValidate>
      {settings.emailAvailable ? null : (
        <Notice tone="warning">
          <div>
            <p className="alert-title">{t('inbox.settings.emailUnavailable')}</p>
            <p>{t('inbox.settings.emailUnavailableText')}</p>
          </div>
        </Notice>
      )}
      <ErrorAlert error={save.error} />

      <Card title={t('inbox.settings.kindsTitle')}>
        <div className="table-wrap">
          <table className="table nt-kinds">
            <thead>
              <tr>
                <th scope="col">{t('inbox.settings.kindColumn')}</th>
                <th scope="col">{t('inbox.settings.deliveryColumn')}</th>
              </tr>
            </thead>
            {groups.map(([group, entries]) => (
              <tbody key={group} data-group={group}>
                <tr className="nt-kinds-group">
                  <th scope="colgroup" colSpan={2}>
                    {t(groupLabelKey(group))}
                  </th>
                </tr>
                {entries.map((entry) => (
                  <KindRow
                    key={entry.kind}
                    label={t(kindLabelKey(entry.kind))}
                    entry={entry}
                    value={draft.kinds[entry.kind] ?? entry.default}
                    emailAvailable={settings.emailAvailable}
                    onChange={(value) =>
                      setDraft((current) => ({
                        ...current,
                        kinds: { ...current.kinds, [entry.kind]: value },
                      }))
                    }
                  />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      </Card>

      <Card title={t('inbox.settings.digestTitle')} description={t('inbox.settings.digestText')}>
        <label className="nt-switch">
          <input
            type="checkbox"
            role="switch"
            aria-checked={draft.digest === 'daily'}
            checked={draft.digest === 'daily'}
            disabled={!settings.emailAvailable}
            onChange={(event) =>
              setDraft((current) => ({ ...current, digest: event.target.checked ? 'daily' : 'off' }))
            }
          />
          <span className="nt-switch-track" aria-hidden="true" />
          <span>{t('inbox.settings.digestSwitch')}</span>
        </label>
        {settings.emailAvailable ? null : (
          <p className="muted nt-note">{t('inbox.settings.emailUnavailable')}</p>
        )}
      </Card>

      <WorkingHoursCard />

      <div className={`nt-settings-bar${dirty ? ' nt-settings-bar-dirty' : ''}`}>
        {dirty ? <span className="muted">{t('inbox.settings.unsaved')}</span> : null}
        <Button type="submit" variant="primary" pending={save.isPending} disabled={!dirty}>
          {t('inbox.settings.save')}
        </Button>
      </div>
    </form>
  );
}

function KindRow({
  label,
  entry,
  value,
  emailAvailable,
  onChange,
}: {
  label: string;
  entry: KindEntry;
  value: KindSetting;
  emailAvailable: boolean;
  onChange: (value: KindSetting) => void;
}) {
  const t = useT();
  const name = useId();
  // Without e-mail on the server, "in-app + e-mail" is in-app only in effect: shown as that, while
  // the stored choice stays as it is until changed (it applies again once e-mail is set up).
  const chosen = modeOf(value);
  const current = chosen === 'all' && !emailAvailable ? 'inApp' : chosen;
  return (
    <tr data-kind={entry.kind}>
      <td>
        <span className="nt-kind-label">{label}</span>
        {entry.urgent ? <Badge tone="warning">{t('inbox.urgent')}</Badge> : null}
      </td>
      <td>
        <fieldset className="nt-modes">
          <legend className="visually-hidden">{t('inbox.settings.deliveryLabel', { kind: label })}</legend>
          <span className="segmented segmented-sm">
            {MODES.map((mode) => (
              <label
                key={mode}
                className={`segment${mode === 'all' && !emailAvailable ? ' nt-segment-disabled' : ''}`}
              >
                <input
                  type="radio"
                  className="segment-input nt-segment-input"
                  name={name}
                  value={mode}
                  checked={current === mode}
                  disabled={mode === 'all' && !emailAvailable}
                  onChange={() => onChange(MODE_VALUE[mode])}
                />
                {t(`inbox.settings.mode.${mode}`)}
              </label>
            ))}
          </span>
        </fieldset>
      </td>
    </tr>
  );
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** `Mon–Fri 09:00–18:00 · Sat 10:00–14:00`: runs of consecutive days with the same hours. */
function summariseHours(hours: WeeklyHours, locale: string): string[] {
  // Monday 2026-03-09 … Sunday: only used to name the weekdays in the UI language.
  const dayName = (day: number) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 8 + day));
  const runs: Array<{ from: number; to: number; range: string }> = [];
  for (const day of DAYS) {
    const h = hours[day];
    if (!h) continue;
    const range = `${h.start}–${h.end}`;
    const last = runs.at(-1);
    if (last && last.to === day - 1 && last.range === range) last.to = day;
    else runs.push({ from: day, to: day, range });
  }
  return runs.map(({ from, to, range }) =>
    from === to ? `${dayName(from)} ${range}` : `${dayName(from)}–${dayName(to)} ${range}`,
  );
}

function WorkingHoursCard() {
  const t = useT();
  const [locale] = useLocale();
  const hours = useQuery(workingHoursQuery);
  const [editing, setEditing] = useState(false);
  const zone = hours.data?.timeZone;
  const runs = hours.data ? summariseHours(hours.data.hours, locale) : [];
  return (
    <Card
      title={t('inbox.settings.hoursTitle')}
      description={
        zone
          ? t('inbox.settings.hoursText', {
              city: splitZone(zone, locale).city,
              abbreviation: describeZone(zone, locale)?.abbreviation ?? zone,
            })
          : undefined
      }
      actions={
        <Button size="sm" onClick={() => setEditing(true)}>
          {t('inbox.settings.hoursEdit')}
        </Button>
      }
    >
      <ErrorAlert error={hours.error} />
      {hours.isPending ? <Spinner label={t('common.loading')} /> : null}
      {hours.data ? (
        runs.length ? (
          <ul className="nt-hours" data-testid="working-hours">
            {runs.map((run) => (
              <li key={run}>{run}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('inbox.settings.hoursNone')}</p>
        )
      ) : null}
      {editing ? <WorkingHoursDialog onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}
