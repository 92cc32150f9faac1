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
    <div className={`cp-diff-text${className ? ` ${className}` : ''}`}>
      {parts.map((part, index) => {
        if (part.added)
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
            <ins key={index} className="cp-diff-add">
              {part.value}
            </ins>
          );
        if (part.removed)
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
            <del key={index} className="cp-diff-del">
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
    <Link to={`/campaigns/${campaign.id}/brief/versions`} className="cp-back-link">
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
      <div className="cp-subpage-head cp-subpage-head-row">
        <div>
          {back}
          <h2 className="cp-subpage-title">{t('versions.compareTitle', { from, to })}</h2>
          <p className="cp-subpage-text">
            {changed.length
              ? t('versions.changedSections', { count: changed.length })
              : t('versions.identical')}
          </p>
        </div>
        <div className="cp-diff-legend" aria-hidden="true">
          <span className="cp-diff-add">{t('versions.legendAdded')}</span>
          <span className="cp-diff-del">{t('versions.legendRemoved')}</span>
        </div>
      </div>
      {changed.map((section) => (
        <section key={section.key} className="cp-brief-section" aria-labelledby={`d-${section.key}`}>
          <header className="cp-brief-section-head">
            <h3 className="cp-brief-section-title" id={`d-${section.key}`}>
              {t(`brief.section.${section.key}`)}
            </h3>
            <span className="cp-status-chip cp-status-chip-accent cp-status-chip-sm">
              {t('versions.changed')}
            </span>
          </header>
          <div className="cp-text-columns" style={languageColumns(data.languages.length)}>
            {data.languages.map((language) => {
              const text = section.texts[language];
              return (
                <div key={language} className="cp-text-column">
                  <div className="cp-text-column-head">
                    <div className="cp-text-column-lang">
                      <span className="cp-lang-name">{languageName(language, locale)}</span>
                      <span className="cp-lang-code">{language.toUpperCase()}</span>
                    </div>
                    {text && !text.changed ? (
                      <span className="muted text-sm">{t('versions.noChangesHere')}</span>
                    ) : null}
                  </div>
                  {text ? (
                    <Parts parts={text.parts} className={text.changed ? '' : 'cp-diff-text-quiet'} />
                  ) : null}
                </div>
              );
            })}
          </div>
          {section.data.changed ? (
            <div className="cp-brief-section-data">
              <p className="data-label">{t('versions.structured')}</p>
              <Parts parts={section.data.parts} className="cp-diff-code" />
            </div>
          ) : null}
        </section>
      ))}
      {unchanged.length ? (
        <div className="cp-unchanged">
          <button
            type="button"
            className="cp-unchanged-toggle"
            aria-expanded={showUnchanged}
            onClick={() => setShowUnchanged((v) => !v)}
          >
            <ChevronIcon
              className={`cp-unchanged-chevron${showUnchanged ? ' cp-unchanged-chevron-open' : ''}`}
            />
            {t('versions.unchangedSections', { count: unchanged.length })}
            <span className="cp-unchanged-names">
              {unchanged.map((s) => t(`brief.section.${s.key}`)).join(' · ')}
            </span>
          </button>
          {showUnchanged
            ? unchanged.map((section) => (
                <section key={section.key} className="cp-brief-section cp-brief-section-quiet">
                  <header className="cp-brief-section-head">
                    <h3 className="cp-brief-section-title">{t(`brief.section.${section.key}`)}</h3>
                  </header>
                  <div className="cp-text-columns" style={languageColumns(data.languages.length)}>
                    {data.languages.map((language) => (
                      <div key={language} className="cp-text-column">
                        <div className="cp-text-column-head">
                          <span className="cp-lang-name">{languageName(language, locale)}</span>
                        </div>
                        <Parts parts={section.texts[language]?.parts ?? []} className="cp-diff-text-quiet" />
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
