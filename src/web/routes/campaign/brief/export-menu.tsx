import { useId, useRef, useState } from 'react';
import { type Campaign, exportUrl } from '../../../api/campaigns.ts';
import { ChevronIcon, DownloadIcon, PrintIcon } from '../../../components/icons.tsx';
import { useDismiss } from '../../../components/popover.tsx';
import { useLocale, useT } from '../../../i18n/locale.tsx';
import { languageName } from '../market-options.ts';

const POPOVER_WIDTH = 300;

/**
 * Export of a published version: a print-ready page per language (or all side by side), opened
 * in a new tab to print to PDF, and the same as a Markdown download.
 */
export function ExportMenu({
  campaign,
  version,
  languages,
}: {
  campaign: Campaign;
  version: number;
  languages: string[];
}) {
  const t = useT();
  const [locale] = useLocale();
  const [open, setOpen] = useState(false);
  // Opens towards the side with room: rightwards unless that would leave the window.
  const [align, setAlign] = useState<'start' | 'end'>('start');
  const menuId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useDismiss(ref, open, () => setOpen(false));

  const options = [
    ...languages.map((language) => ({ value: language, label: languageName(language, locale) })),
    ...(languages.length > 1 ? [{ value: 'both', label: t('versions.allLanguages') }] : []),
  ];

  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="button button-secondary"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          setAlign(box.left + POPOVER_WIDTH > window.innerWidth - 16 ? 'end' : 'start');
          setOpen((value) => !value);
        }}
      >
        {t('versions.export', { version })}
        <ChevronIcon width={14} height={14} />
      </button>
      {open ? (
        <div className={`cp-menu-popover menu-${align}`} id={menuId}>
          <div className="menu-group">
            <p className="menu-group-title">
              <PrintIcon width={15} height={15} />
              {t('versions.printPage')}
            </p>
            <p className="menu-group-hint">{t('versions.printHint')}</p>
            <div className="menu-choices">
              {options.map((option) => (
                <a
                  key={option.value}
                  className="menu-choice"
                  href={exportUrl(campaign.id, version, 'html', option.value)}
                  target="_blank"
                  rel="noopener"
                  onClick={() => setOpen(false)}
                >
                  {option.label}
                </a>
              ))}
            </div>
          </div>
          <div className="menu-group">
            <p className="menu-group-title">
              <DownloadIcon width={15} height={15} />
              {t('versions.markdown')}
            </p>
            <div className="menu-choices">
              {options.map((option) => (
                <a
                  key={option.value}
                  className="menu-choice"
                  href={exportUrl(campaign.id, version, 'markdown', option.value)}
                  download
                  onClick={() => setOpen(false)}
                >
                  {option.label}
                </a>
              ))}
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
