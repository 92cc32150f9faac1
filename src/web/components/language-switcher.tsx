import { useId } from 'react';
import { LOCALES } from '../../shared/i18n/runtime.ts';
import { useLocale, useT, useWantedLocale } from '../i18n/locale.tsx';
import { languageLabel } from '../labels.ts';
import { GlobeIcon } from './icons.tsx';

/**
 * English / Русский as a segmented control built on native radio buttons (arrow keys, screen
 * readers and forms all work as usual). Each language is named in itself, so anyone can find
 * their own whatever language is on screen.
 */
export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const [, setLocale] = useLocale();
  const locale = useWantedLocale();
  const name = useId();
  return (
    <fieldset className={`language-switcher${compact ? ' language-switcher-compact' : ''}`}>
      <legend className="visually-hidden">{t('common.language')}</legend>
      {compact ? <GlobeIcon className="language-icon" /> : null}
      <span className="segmented">
        {LOCALES.map((option) => (
          <label key={option} className="segment" lang={option}>
            <input
              type="radio"
              className="segment-input"
              name={name}
              value={option}
              checked={option === locale}
              onChange={() => setLocale(option)}
            />
            {languageLabel(t, option)}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
