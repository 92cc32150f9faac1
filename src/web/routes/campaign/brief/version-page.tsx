import { useQuery } from '@tanstack/react-query';
import { briefQuery, SECTION_ORDER, versionQuery } from '../../../api/campaigns.ts';
import type { User } from '../../../api/types.ts';
import { AlertIcon } from '../../../components/icons.tsx';
import { Markdown } from '../../../components/markdown.tsx';
import { ErrorAlert } from '../../../components/ui.tsx';
import { useDocumentTitle } from '../../../document-title.ts';
import { useLocale, useT } from '../../../i18n/locale.tsx';
import { Link } from '../../../router/router.tsx';
import { formatInstant } from '../../../time/format.ts';
import { useLayoutCampaign } from '../campaign-layout.tsx';
import { languageName } from '../market-options.ts';
import { languageColumns } from './columns.ts';
import { ExportMenu } from './export-menu.tsx';
import { SectionDataView } from './section-data.tsx';

/** One published version, read-only, as it was frozen. */
export function VersionPage({ me, version }: { me: User; version: number }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  useDocumentTitle(`${t('versions.version', { version })} · ${campaign.name}`);
  const query = useQuery(versionQuery(campaign.id, version));
  const current = useQuery(briefQuery(campaign.id)).data?.publishedVersion;

  const back = (
    <Link to={`/campaigns/${campaign.id}/brief/versions`} className="cp-back-link">
      ← {t('versions.backToHistory')}
    </Link>
  );
  if (query.isPending) {
    return (
      <div className="stack-lg" aria-busy="true">
        {back}
        <span className="skeleton skeleton-title" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="stack-lg">
        {back}
        <ErrorAlert error={query.error} />
      </div>
    );
  }
  const data = query.data;
  const snapshot = data.snapshot;
  const context = {
    languages: snapshot.languages,
    markets: snapshot.markets.map((m) => ({ ...m, objective: m.objective as 'awareness' })),
  };

  return (
    <div className="stack-lg">
      <div className="cp-subpage-head cp-subpage-head-row">
        <div>
          {back}
          <h2 className="cp-subpage-title">
            {t('versions.version', { version })}
            {current === version ? (
              <span className="cp-status-chip cp-status-chip-accent cp-status-chip-sm">
                {t('versions.current')}
              </span>
            ) : null}
          </h2>
          <p className="cp-subpage-text">
            {t('versions.publishedBy', {
              name: data.publishedBy.name,
              when: formatInstant(data.publishedAt, me.timeZone, locale),
            })}
          </p>
          {data.note ? <p className="cp-version-note">{data.note}</p> : null}
        </div>
        <div className="cp-brief-actions">
          {version > 1 ? (
            <Link
              to={`/campaigns/${campaign.id}/brief/versions/${version - 1}/diff/${version}`}
              className="button button-ghost"
            >
              {t('versions.compareWithPrevious')}
            </Link>
          ) : null}
          <ExportMenu campaign={campaign} version={version} languages={snapshot.languages} />
        </div>
      </div>
      {SECTION_ORDER.map((key, index) => {
        const section = snapshot.sections.find((s) => s.key === key);
        if (!section) return null;
        return (
          <section key={key} className="cp-brief-section" aria-labelledby={`v-${key}`}>
            <header className="cp-brief-section-head">
              <span className="cp-brief-section-number" aria-hidden="true">
                {index + 1}
              </span>
              <h3 className="cp-brief-section-title" id={`v-${key}`}>
                {t(`brief.section.${key}`)}
              </h3>
            </header>
            <div className="cp-text-columns" style={languageColumns(snapshot.languages.length)}>
              {snapshot.languages.map((language) => {
                const text = section.texts[language];
                return (
                  <div key={language} className="cp-text-column">
                    <div className="cp-text-column-head">
                      <div className="cp-text-column-lang">
                        <span className="cp-lang-name">{languageName(language, locale)}</span>
                        <span className="cp-lang-code">{language.toUpperCase()}</span>
                      </div>
                    </div>
                    {text?.stale ? (
                      <div className="cp-stale-mark cp-stale-mark-quiet" role="note">
                        <AlertIcon className="cp-stale-icon" width={16} height={16} />
                        <span className="cp-stale-text">{t('versions.staleWhenPublished')}</span>
                      </div>
                    ) : null}
                    {text?.text.trim() ? (
                      <Markdown text={text.text} className="text-body" />
                    ) : (
                      <p className="cp-text-empty">{t('briefUi.emptyText')}</p>
                    )}
                  </div>
                );
              })}
            </div>
            {key === 'timeline' ? (
              <div className="cp-timeline-note">
                <p>{t('briefUi.timelineNote')}</p>
              </div>
            ) : (
              <div className="cp-brief-section-data">
                <SectionDataView sectionKey={key} data={section.data} campaign={context} />
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
