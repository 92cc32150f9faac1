import type { Market } from '../../api/campaigns.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { describeZone, splitZone } from '../../time/zones.ts';

/** The markets of a campaign, each with its zone and the time there now (`RU · Moscow 18:04 MSK`). */
export function MarketClocks({
  markets,
  now,
  showObjective = true,
}: {
  markets: Market[];
  now: Date;
  showObjective?: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <ul className="cp-market-clocks" aria-label={t('campaigns.marketsLabel')}>
      {markets.map((market) => {
        const zone = describeZone(market.timeZone, locale, now);
        const { city } = splitZone(market.timeZone, locale);
        return (
          <li key={market.code} className="cp-market-clock">
            <span className="market-code">{market.code}</span>
            <span className="cp-market-clock-text">
              <span className="cp-market-clock-city">{city}</span>
              {zone ? (
                <span className="cp-market-clock-time" title={market.timeZone}>
                  {t('campaigns.localTime', { time: zone.time, zone: zone.abbreviation })}
                </span>
              ) : null}
            </span>
            {showObjective ? (
              <span className={`objective-tag objective-${market.objective}`}>
                {t(`brief.objective.${market.objective}`)}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
