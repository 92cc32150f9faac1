import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { formatDuration } from '../../../shared/time/duration.ts';
import { formatInZones } from '../../../shared/time/index.ts';
import type { Campaign } from '../../api/campaigns.ts';
import { type Milestone, type Timeline, trackerKeys, updateMilestone } from '../../api/tracker.ts';
import type { User } from '../../api/types.ts';
import { DateInput } from '../../components/date-input.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { Button, ErrorAlert, Field } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { checkPost, localInputValue } from '../creators/commitment.tsx';
import { WindowRow } from './window-verdict.tsx';

/**
 * The timeline's planned and actual go-live per market, side by side, each in the market's zone
 * (`launchWindow.actual`), and the launch-window rule on actual times.
 */
export function GoLiveActuals({
  campaign,
  launchWindow,
  me,
}: {
  campaign: Campaign;
  launchWindow: Timeline['launchWindow'];
  me: User;
}) {
  const t = useT();
  const [locale] = useLocale();
  const actual = launchWindow.actual;
  const label = (instant: string, zone: string) =>
    formatInZones(instant, [zone], locale)[0]?.label ?? instant;
  return (
    <section className="card lc-actuals" aria-labelledby="lc-actuals-title">
      <div className="card-header">
        <div>
          <h2 className="card-title" id="lc-actuals-title">
            {t('launchUi.timeline.title')}
          </h2>
          <p className="card-description">{t('launchUi.timeline.description')}</p>
        </div>
      </div>
      <div className="card-body lc-actuals-body">
        <dl className="lc-window-rows">
          <WindowRow kind="actual" window={launchWindow} />
        </dl>
        <ul className="lc-actuals-list">
          {campaign.markets.map((market) => {
            const entry = actual.markets[market.code];
            // The market's own zone first, then the other markets' and the reader's, each once.
            const zones = [
              ...new Set([market.timeZone, ...campaign.markets.map((m) => m.timeZone), me.timeZone]),
            ];
            const late = entry?.lateMinutes ?? null;
            return (
              <li key={market.code} data-market={market.code} className="lc-actuals-market">
                <span className="market-badge">{market.code}</span>
                <dl className="lc-actuals-pair">
                  <div>
                    <dt>{t('launchUi.timeline.planned')}</dt>
                    <dd data-testid="planned">
                      {entry?.plannedAt
                        ? zones.map((zone) => (
                            <span key={zone}>{label(entry.plannedAt as string, zone)}</span>
                          ))
                        : t('launchUi.timeline.noPlan')}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('launchUi.timeline.actual')}</dt>
                    <dd data-testid="actual">
                      {entry?.actualAt ? (
                        <>
                          {zones.map((zone) => (
                            <span key={zone}>{label(entry.actualAt as string, zone)}</span>
                          ))}
                          {late !== null && late > 0 ? (
                            <span className="lc-late">
                              {t('launchUi.market.late', { duration: formatDuration(t, late) })}
                            </span>
                          ) : null}
                          {entry.source ? (
                            <span className="muted">{t(`launchUi.market.source.${entry.source}`)}</span>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">{t('launchUi.timeline.notYet')}</span>
                      )}
                    </dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

/** A milestone's "done" mark as the timeline's table shows it. */
export function MilestoneDone({ milestone, zone }: { milestone: Milestone; zone: string }) {
  const t = useT();
  const [locale] = useLocale();
  if (!milestone.doneAt) return null;
  return (
    <span className="lc-done" data-testid="milestone-done">
      {t('launchUi.timeline.done', { when: formatInZones(milestone.doneAt, [zone], locale)[0]?.label ?? '' })}
    </span>
  );
}

/**
 * Marks a milestone done at the time it really happened (typed in the milestone's zone, now by
 * default), or takes the mark back. A go-live marked done counts as its market's actual go-live.
 */
export function MarkDoneDialog({
  campaignId,
  milestone,
  onClose,
}: {
  campaignId: string;
  milestone: Milestone;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const formId = useId();
  const zone = milestone.timeZone;
  const [local, setLocal] = useState(() => localInputValue(milestone.doneAt ?? new Date(), zone));
  const [invalid, setInvalid] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (doneAt: string | null) =>
      updateMilestone(milestone.id, {
        version: milestone.version,
        doneAt: doneAt ? { local: doneAt, timeZone: zone, disambiguation: 'earlier' } : null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trackerKeys.timeline(campaignId) });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The same check as a post's time: a real time, not ahead of now.
    const error = checkPost(t, { url: 'https://x.y', local }, zone).at;
    setInvalid(error);
    if (!error) save.mutate(local);
  };
  const abbreviation = formatInZones(new Date(), [zone], locale)[0]?.abbreviation ?? zone;
  return (
    <Dialog
      title={t('launchUi.timeline.markDoneTitle', { title: milestone.title })}
      description={t('launchUi.timeline.markDoneText')}
      onClose={onClose}
      footer={
        <>
          {milestone.doneAt ? (
            <Button variant="ghost" pending={save.isPending} onClick={() => save.mutate(null)}>
              {t('launchUi.timeline.undo')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" pending={save.isPending}>
            {t('launchUi.timeline.save')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={save.error} />
        <Field label={t('launchUi.timeline.doneAt', { zone: abbreviation })} error={invalid}>
          {(control) => (
            <DateInput
              {...control}
              kind="datetime"
              name="doneAt"
              value={local}
              max={localInputValue(new Date(), zone)}
              onChange={(v) => setLocal(v)}
            />
          )}
        </Field>
      </form>
    </Dialog>
  );
}
