import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type BriefDiff, diffQuery } from '../../../api/campaigns.ts';
import { ChevronIcon } from '../../../components/icons.tsx';
import { ErrorAlert } from '../../../components/ui.tsx';
import { useDocumentTitle } from '../../../document-title.ts';
import { useLocale, useT } from '../../../i18n/locale.tsx';
import { Link } from '../../../router/router.tsx';
import { useLayoutCampaign } from '../campaign-layout.tsx';
import { languageName } from '../market-options.ts';
import { languageColumns } from './columns.ts';

type Part = BriefDiff['sections'][number]['data']['parts'][number];

/** Inline insertions (green) and deletions (red, struck through). */
function Parts({ parts, className }: { parts: Part[]; className?: string }) {
  return (
    <div className={`diff-text${className ? ` ${className}` : ''}`}>
      {parts.map((part, index) => {
        if (part.added)
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
            <ins key={index} className="diff-add">
              {part.value}
            </ins>
          );
        if (part.removed)
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
            <del key={index} className="diff-del">
              {part.value}
            </del>
          );
        // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
        return <span key={index}>{part.value}</span>;
      })}
    </div>
  );
}

/** What changed between two published versions, section by section and language by language. */
export function DiffPage({ from, to }: { from: number; to: number }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  useDocumentTitle(`${t('versions.compareTitle', { from, to })} · ${campaign.name}`);
  const diff = useQuery(diffQuery(campaign.id, from, to));
  const [showUnchanged, setShowUnchanged] = useState(false);

  const back = (
    <Link to={`/campaigns/${campaign.id}/brief/versions`} className="back-link">
      ← {t('versions.backToHistory')}
    </Link>
  );
  if (diff.isPending) {
    return (
      <div className="stack-lg" aria-busy="true">
        {back}
        <span className="skeleton skeleton-title" />
      </div>
    );
  }
  if (diff.isError) {
    return (
      <div className="stack-lg">
        {back}
        <ErrorAlert error={diff.error} />
      </div>
    );
  }
  const data = diff.data;
  const changed = data.sections.filter((s) => s.changed);
  const unchanged = data.sections.filter((s) => !s.changed);

  return (
    <div className="stack-lg">
      <div className="subpage-head subpage-head-row">
        <div>
          {back}
          <h2 className="subpage-title">{t('versions.compareTitle', { from, to })}</h2>
          <p className="subpage-text">
            {changed.length
              ? t('versions.changedSections', { count: changed.length })
              : t('versions.identical')}
          </p>
        </div>
        <div className="diff-legend" aria-hidden="true">
          <span className="diff-add">{t('versions.legendAdded')}</span>
          <span className="diff-del">{t('versions.legendRemoved')}</span>
        </div>
      </div>
      {changed.map((section) => (
        <section key={section.key} className="brief-section" aria-labelledby={`d-${section.key}`}>
          <header className="brief-section-head">
            <h3 className="brief-section-title" id={`d-${section.key}`}>
              {t(`brief.section.${section.key}`)}
            </h3>
            <span className="status-chip status-chip-accent status-chip-sm">{t('versions.changed')}</span>
          </header>
          <div className="text-columns" style={languageColumns(data.languages.length)}>
            {data.languages.map((language) => {
              const text = section.texts[language];
              return (
                <div key={language} className="text-column">
                  <div className="text-column-head">
                    <div className="text-column-lang">
                      <span className="lang-name">{languageName(language, locale)}</span>
                      <span className="lang-code">{language.toUpperCase()}</span>
                    </div>
                    {text && !text.changed ? (
                      <span className="muted small">{t('versions.noChangesHere')}</span>
                    ) : null}
                  </div>
                  {text ? (
                    <Parts parts={text.parts} className={text.changed ? '' : 'diff-text-quiet'} />
                  ) : null}
                </div>
              );
            })}
          </div>
          {section.data.changed ? (
            <div className="brief-section-data">
              <p className="data-label">{t('versions.structured')}</p>
              <Parts parts={section.data.parts} className="diff-code" />
            </div>
          ) : null}
        </section>
      ))}
      {unchanged.length ? (
        <div className="unchanged">
          <button
            type="button"
            className="unchanged-toggle"
            aria-expanded={showUnchanged}
            onClick={() => setShowUnchanged((v) => !v)}
          >
            <ChevronIcon className={`unchanged-chevron${showUnchanged ? ' unchanged-chevron-open' : ''}`} />
            {t('versions.unchangedSections', { count: unchanged.length })}
            <span className="unchanged-names">
              {unchanged.map((s) => t(`brief.section.${s.key}`)).join(' · ')}
            </span>
          </button>
          {showUnchanged
            ? unchanged.map((section) => (
                <section key={section.key} className="brief-section brief-section-quiet">
                  <header className="brief-section-head">
                    <h3 className="brief-section-title">{t(`brief.section.${section.key}`)}</h3>
                  </header>
                  <div className="text-columns" style={languageColumns(data.languages.length)}>
                    {data.languages.map((language) => (
                      <div key={language} className="text-column">
                        <div className="text-column-head">
                          <span className="lang-name">{languageName(language, locale)}</span>
                        </div>
                        <Parts parts={section.texts[language]?.parts ?? []} className="diff-text-quiet" />
                      </div>
                    ))}
                  </div>
                </section>
              ))
            : null}
        </div>
      ) : null}
    </div>
  );
}
