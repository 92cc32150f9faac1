import { isMessageKey, type Locale, translate } from '../../shared/i18n/runtime.ts';
import { formatInZones, listTimeZones, normalizeTimeZone } from '../../shared/time/index.ts';
import { localCityName } from './city-names.ts';

/** The zone this browser runs in, when it is one we know; otherwise UTC. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && normalizeTimeZone(zone) ? zone : 'UTC';
}

export interface ZoneOption {
  zone: string;
  /** `New York` for `America/New_York` (`Нью-Йорк` in Russian where known). */
  city: string;
  /** `America`, `America / Argentina`; empty for `UTC`. */
  region: string;
  /** The zone's name in the UI language when Intl knows one (`Eastern Time`, `Москва`). */
  genericName: string;
  /** `+03:00`. */
  offset: string;
  offsetMinutes: number;
  /** Wall-clock time there now, `HH:mm`. */
  time: string;
  abbreviation: string;
  /** Lower-case text the search matches against. */
  haystack: string;
}

const humanize = (segment: string) => segment.replaceAll('_', ' ');

function offsetMinutes(offset: string): number {
  const match = /^([+-])(\d{2}):(\d{2})/.exec(offset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** `+03:00` → `UTC+3`, `+05:30` → `UTC+5:30`, `+00:00` → `UTC`. */
export function shortOffset(offset: string): string {
  const match = /^([+-])(\d{2}):(\d{2})/.exec(offset);
  if (!match || (match[2] === '00' && match[3] === '00')) return 'UTC';
  const hours = String(Number(match[2]));
  return `UTC${match[1] === '-' ? '−' : '+'}${hours}${match[3] === '00' ? '' : `:${match[3]}`}`;
}

/** `Europe` → `Европа`; the sub-regions (`Argentina`, `Indiana`) stay as IANA spells them. */
function regionName(segment: string, locale: Locale | undefined): string {
  const key = `common.tzRegion.${segment}`;
  return locale && isMessageKey(key) ? translate(locale, key) : humanize(segment);
}

/** `America/New_York` → city `New York` (`Нью-Йорк` in Russian where known), region `America`. */
export function splitZone(zone: string, locale?: Locale): { city: string; region: string } {
  const parts = zone.split('/');
  const city = (locale && localCityName(zone, locale)) || humanize(parts.at(-1) ?? zone);
  const region = parts
    .slice(0, -1)
    .map((segment) => regionName(segment, locale))
    .join(' / ');
  return { city, region };
}

function genericName(zone: string, locale: Locale, at: Date): string {
  try {
    const name =
      new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value ?? '';
    // Intl falls back to "GMT+03:00" when it has no name; the offset is shown anyway.
    return /^(GMT|UTC)([+−-]|$)/.test(name) ? '' : name;
  } catch {
    return '';
  }
}

const optionCache = new Map<string, ZoneOption[]>();

/** Every IANA zone with its offset and time now, sorted west to east. Cached per minute and language. */
export function zoneOptions(locale: Locale, now = new Date()): ZoneOption[] {
  const minute = Math.floor(now.getTime() / 60_000);
  const cacheKey = `${locale}:${minute}`;
  const cached = optionCache.get(cacheKey);
  if (cached) return cached;
  const zones = listTimeZones();
  const displays = formatInZones(now, zones, locale);
  const options = displays.map((display): ZoneOption => {
    const { city, region } = splitZone(display.zone, locale);
    const name = genericName(display.zone, locale, now);
    const short = shortOffset(display.offset);
    return {
      zone: display.zone,
      city,
      region,
      genericName: name,
      offset: display.offset,
      offsetMinutes: offsetMinutes(display.offset),
      time: display.time,
      abbreviation: display.abbreviation,
      haystack: [
        display.zone,
        humanize(display.zone),
        city,
        region,
        name,
        short,
        `gmt${display.offset}`,
        display.abbreviation,
      ]
        .join(' ')
        .toLowerCase()
        .replaceAll('−', '-'),
    };
  });
  options.sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.zone.localeCompare(b.zone));
  optionCache.clear();
  optionCache.set(cacheKey, options);
  return options;
}

/**
 * Options whose text contains every word of the query (`new york`, `moscow`, `utc+3`, `Москва`),
 * best first: the city itself, then the zone's ID, then anything else that mentions it (typing
 * "Moscow" lists Moscow before Kirov, which merely keeps Moscow time).
 */
export function filterZones(options: ZoneOption[], query: string): ZoneOption[] {
  const normalized = query.toLowerCase().replaceAll('−', '-').replaceAll('_', ' ').trim();
  const words = normalized.split(/\s+/).filter(Boolean);
  if (words.length === 0) return options;
  const rank = (option: ZoneOption) => {
    const city = option.city.toLowerCase();
    if (city.startsWith(normalized)) return 0;
    const id = humanize(option.zone).toLowerCase();
    if (words.every((word) => id.includes(word))) return 1;
    return 2;
  };
  return options
    .filter((option) => words.every((word) => option.haystack.includes(word)))
    .map((option, index) => ({ option, index, rank: rank(option) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.option);
}

/** The current offset and time of one zone, for hints next to a chosen zone. */
export function describeZone(zone: string, locale: Locale, now = new Date()) {
  const [display] = formatInZones(now, [zone], locale);
  return display ? { ...display, short: shortOffset(display.offset) } : null;
}

/** The zones of a campaign's markets, each once, in market order. */
export function marketZones(markets: readonly { timeZone: string }[]): string[] {
  return [...new Set(markets.map((market) => market.timeZone))];
}
