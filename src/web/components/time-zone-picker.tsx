import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocale, useT } from '../i18n/locale.tsx';
import {
  describeZone,
  filterZones,
  shortOffset,
  splitZone,
  type ZoneOption,
  zoneOptions,
} from '../time/zones.ts';
import { ChevronIcon, SearchIcon } from './icons.tsx';

interface Props {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

const LIST_LIMIT = 600;

/**
 * A searchable list of IANA zones (ARIA combobox): type a city, a region, an offset (`utc+3`)
 * or the zone's name in the UI language; each option shows its offset and the time there now.
 */
export function TimeZonePicker({ id, value, onChange, ...aria }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [now, setNow] = useState(() => new Date());
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Keep the "time there now" column honest while the list is open.
  useEffect(() => {
    if (!open) return;
    setNow(new Date());
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, [open]);

  const options = useMemo(() => (open ? zoneOptions(locale, now) : []), [open, locale, now]);
  const matches = useMemo(() => filterZones(options, query).slice(0, LIST_LIMIT), [options, query]);
  const selected = useMemo(() => describeZone(value, locale, now), [value, locale, now]);

  // Opening with an empty query shows the whole list, scrolled to the chosen zone; typing
  // highlights the first match. (Not on every clock tick: that would move the highlight.)
  const latest = useRef({ matches, value });
  latest.current = { matches, value };
  useEffect(() => {
    if (!open) return;
    if (query === '') {
      const index = latest.current.matches.findIndex((option) => option.zone === latest.current.value);
      setActive(Math.max(index, 0));
    } else {
      setActive(0);
    }
  }, [open, query]);

  useEffect(() => {
    if (!open) return;
    const element = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    element?.scrollIntoView({ block: 'nearest' });
  }, [active, open]);

  const choose = (option: ZoneOption | undefined) => {
    if (!option) return;
    onChange(option.zone);
    setOpen(false);
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((index) => Math.min(index + 1, matches.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => Math.max(index - 1, 0));
        break;
      case 'PageDown':
        if (open) {
          event.preventDefault();
          setActive((index) => Math.min(index + 10, matches.length - 1));
        }
        break;
      case 'PageUp':
        if (open) {
          event.preventDefault();
          setActive((index) => Math.max(index - 10, 0));
        }
        break;
      case 'Enter':
        if (open) {
          event.preventDefault();
          choose(matches[active]);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setQuery('');
        }
        break;
      case 'Tab':
        setOpen(false);
        setQuery('');
        break;
    }
  };

  const { city, region } = splitZone(value, locale);
  const displayValue = region ? `${city} — ${region}` : city;
  const activeOption = matches[active];

  return (
    <div className={`tz-picker${open ? ' tz-picker-open' : ''}`}>
      <div className="tz-input-wrap">
        <SearchIcon className="tz-search-icon" />
        <input
          ref={inputRef}
          id={id}
          className="input tz-input"
          role="combobox"
          aria-expanded={open}
          aria-controls={open && matches.length > 0 ? listId : undefined}
          aria-autocomplete="list"
          aria-activedescendant={open && activeOption ? `${listId}-${active}` : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={open ? t('common.timeZoneSearch') : displayValue}
          value={open ? query : displayValue}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setQuery('');
          }}
          onKeyDown={onKeyDown}
          {...aria}
        />
        <span className="tz-current" aria-hidden="true">
          {selected ? `${selected.short} · ${selected.time}` : null}
        </span>
        <ChevronIcon className="tz-chevron" />
      </div>
      {open && matches.length === 0 ? (
        <div className="tz-list tz-empty" role="status">
          {t('common.timeZoneNoMatch', { query })}
        </div>
      ) : null}
      {open && matches.length > 0 ? (
        <div className="tz-list" id={listId} role="listbox" ref={listRef} aria-label={t('common.timeZone')}>
          {matches.map((option, index) => (
            // The combobox pattern: focus stays in the input, which points at the active option
            // with aria-activedescendant and handles the keys; options themselves are not focusable.
            // biome-ignore lint/a11y/useFocusableInteractive: see above
            // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the combobox input
            <div
              key={option.zone}
              id={`${listId}-${index}`}
              data-index={index}
              role="option"
              aria-selected={option.zone === value}
              className={`tz-option${index === active ? ' tz-option-active' : ''}`}
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(index)}
              onClick={() => choose(option)}
            >
              <span className="tz-option-main">
                <span className="tz-city">{option.city}</span>
                <span className="tz-region">
                  {[option.region, option.genericName].filter(Boolean).join(' · ') || option.zone}
                </span>
              </span>
              <span className="tz-option-meta">
                <span className="tz-offset">{shortOffset(option.offset)}</span>
                <span className="tz-time">{option.time}</span>
              </span>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
