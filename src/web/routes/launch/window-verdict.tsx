import type { LaunchWindowWithActual } from '../../api/launch.ts';
import { useT } from '../../i18n/locale.tsx';

/**
 * One line of the launch-window rule: how far apart the markets go (or went) live and whether
 * that is within the limit. On fact, while some market is not live yet, it says whom it waits
 * for, and says "over the limit" only once the wait itself has passed the limit.
 */
export function WindowRow({ kind, window }: { kind: 'planned' | 'actual'; window: LaunchWindowWithActual }) {
  const t = useT();
  const planned = kind === 'planned';
  const spread = planned ? window.spreadHours : window.actual.spreadHours;
  const ok = planned ? window.ok : window.actual.ok;
  const pending = planned ? window.marketsWithoutGoLive : window.actual.pending;
  let text: string;
  if (pending.length && spread !== null && !planned)
    text = t('launchUi.window.waitingFor', { markets: pending.join(', ') });
  else if (spread === null || pending.length)
    text = planned ? t('launchUi.window.noPlan') : t('launchUi.window.waiting');
  else
    text = t('launchUi.window.spread', {
      spread: t('launchUi.spreadHours', { count: Math.round(spread * 10) / 10 }),
    });
  const verdict = spread === null || (pending.length && ok) ? null : ok;
  return (
    <div className="lc-window-row" data-window={kind} data-ok={String(ok)}>
      <dt>{planned ? t('launchUi.window.planned') : t('launchUi.window.actual')}</dt>
      <dd>
        <span>{text}</span>
        {verdict === null ? null : (
          <span className={`lc-verdict ${verdict ? 'lc-verdict-ok' : 'lc-verdict-bad'}`}>
            {verdict ? t('launchUi.window.ok') : t('launchUi.window.over')}
          </span>
        )}
      </dd>
    </div>
  );
}
