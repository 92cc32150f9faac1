import { formatInZones, isValidTimeZone } from '../../shared/time/index.ts';

/**
 * One instant in several zones, "5 Mar 14:00 MSK / 5 Mar 06:00 EST": the first zone is the
 * reader's; repeats and unknown zones are left out (UTC stands in when none is usable).
 */
export function instantIn(
  at: Date | string,
  zones: ReadonlyArray<string | null | undefined>,
  locale: 'en' | 'ru',
) {
  const usable = [...new Set(zones.filter((z): z is string => !!z && isValidTimeZone(z)))];
  return formatInZones(at, usable.length ? usable : ['UTC'], locale)
    .map((shown) => shown.label)
    .join(' / ');
}
