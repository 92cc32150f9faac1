import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type Brief,
  briefQuery,
  type Campaign,
  SECTION_ORDER,
  type SectionKey,
} from '../../../api/campaigns.ts';
import type { User } from '../../../api/types.ts';
import { AlertIcon, CheckIcon, HistoryIcon } from '../../../components/icons.tsx';
import { ErrorAlert, Notice } from '../../../components/ui.tsx';
import { useDocumentTitle } from '../../../document-title.ts';
import { useT } from '../../../i18n/locale.tsx';
import { Link } from '../../../router/router.tsx';
import { useNow } from '../../../time/use-now.ts';
import { mayEditCampaign, useLayoutCampaign } from '../campaign-layout.tsx';
import { AcknowledgementsCard } from './acknowledgements.tsx';
import { languageColumns } from './columns.ts';
import { ExportMenu } from './export-menu.tsx';
import { PublishButton } from './publish-dialog.tsx';
import { SectionDataBlock } from './section-data.tsx';
import { TextColumn } from './text-column.tsx';

/** Mirrors the server: the teams write the brief; stakeholders and creators read it. */
export const mayEditBrief = (me: User) =>
  me.role === 'owner' || me.role === 'admin' || me.role === 'market_lead' || me.role === 'member';

export function BriefPage({ me }: { me: User }) {
  const t = useT();
  const campaign = useLayoutCampaign();
  useDocumentTitle(`${t('campaign.tab.brief')} · ${campaign.name}`);
  const brief = useQuery(briefQuery(campaign.id));
  const now = useNow();
  const [published, setPublished] = useState<number | null>(null);

  if (brief.isPending) {
    return (
      <div className="cp-brief" aria-busy="true">
        <div className="cp-brief-toolbar">
          <span className="skeleton cp-skeleton-line" />
        </div>
        {[0, 1].map((i) => (
          <div key={i} className="cp-brief-section">
            <span className="skeleton skeleton-title" />
            <span className="skeleton" />
            <span className="skeleton" />
          </div>
        ))}
      </div>
    );
  }
  if (brief.isError) return <ErrorAlert error={brief.error} />;

  const data = brief.data;
  const canEdit = mayEditBrief(me);
  const canPublish = mayEditCampaign(me, campaign);

  return (
    <div className="cp-brief">
      <BriefToolbar
        brief={data}
        campaign={campaign}
        canPublish={canPublish}
        onPublished={(version) => setPublished(version)}
      />
      {published ? (
        <Notice tone="success">
          <CheckIcon className="alert-icon" />
          <p>{t('briefUi.publishedNotice', { version: published })}</p>
        </Notice>
      ) : null}
      {data.publishedVersion ? (
        <AcknowledgementsCard
          campaign={campaign}
          version={data.publishedVersion}
          me={me}
          canAsk={canPublish}
          now={now}
        />
      ) : null}
      {!canEdit ? <p className="cp-brief-readonly">{t('briefUi.readOnly')}</p> : null}
      <nav className="cp-brief-contents" aria-label={t('briefUi.contents')}>
        <ol>
          {SECTION_ORDER.map((key, index) => {
            const section = data.sections.find((s) => s.key === key);
            const stale = section ? Object.values(section.texts).filter((text) => text.stale).length : 0;
            return (
              <li key={key}>
                <a href={`#section-${key}`}>
                  <span className="cp-brief-contents-number">{index + 1}</span>
                  {t(`brief.section.${key}`)}
                  {stale ? (
                    <span className="cp-stale-dot" title={t('briefUi.staleCount', { count: stale })} />
                  ) : null}
                </a>
              </li>
            );
          })}
        </ol>
      </nav>
      {SECTION_ORDER.map((key, index) => {
        const section = data.sections.find((s) => s.key === key);
        if (!section) return null;
        return (
          <BriefSectionCard
            key={key}
            number={index + 1}
            sectionKey={key}
            section={section}
            brief={data}
            campaign={campaign}
            canEdit={canEdit}
            me={me}
            now={now}
          />
        );
      })}
    </div>
  );
}

function BriefToolbar({
  brief,
  campaign,
  canPublish,
  onPublished,
}: {
  brief: Brief;
  campaign: Campaign;
  canPublish: boolean;
  onPublished: (version: number) => void;
}) {
  const t = useT();
  return (
    <div className="cp-brief-toolbar">
      <div className="cp-brief-status">
        {brief.publishedVersion ? (
          <span className="cp-status-chip cp-status-chip-accent">
            {t('briefUi.currentVersion', { version: brief.publishedVersion })}
          </span>
        ) : (
          <span className="cp-status-chip">{t('briefUi.notPublished')}</span>
        )}
        {brief.publishedVersion && brief.hasUnpublishedChanges ? (
          <span className="cp-status-chip cp-status-chip-dot">{t('briefUi.unpublishedChanges')}</span>
        ) : null}
        <span
          className={`cp-status-chip ${brief.staleCount ? 'cp-status-chip-warning' : 'cp-status-chip-success'}`}
          data-testid="stale-count"
        >
          {brief.staleCount ? <AlertIcon width={14} height={14} /> : <CheckIcon width={14} height={14} />}
          {t('briefUi.staleCount', { count: brief.staleCount })}
        </span>
      </div>
      <div className="cp-brief-actions">
        <Link to={`/campaigns/${campaign.id}/brief/versions`} className="button button-ghost">
          <HistoryIcon />
          {t('briefUi.history')}
        </Link>
        {brief.publishedVersion ? (
          <ExportMenu campaign={campaign} version={brief.publishedVersion} languages={brief.languages} />
        ) : null}
        {canPublish ? (
          <PublishButton
            campaignId={campaign.id}
            nextVersion={(brief.publishedVersion ?? 0) + 1}
            staleCount={brief.staleCount}
            nothingNew={Boolean(brief.publishedVersion) && !brief.hasUnpublishedChanges}
            onPublished={onPublished}
          />
        ) : null}
      </div>
    </div>
  );
}

function BriefSectionCard({
  number,
  sectionKey,
  section,
  brief,
  campaign,
  canEdit,
  me,
  now,
}: {
  number: number;
  sectionKey: SectionKey;
  section: Brief['sections'][number];
  brief: Brief;
  campaign: Campaign;
  canEdit: boolean;
  me: User;
  now: Date;
}) {
  const t = useT();
  const title = t(`brief.section.${sectionKey}`);
  const stale = Object.values(section.texts).filter((text) => text.stale).length;
  const headingId = `section-${sectionKey}-title`;
  return (
    <section id={`section-${sectionKey}`} className="cp-brief-section" aria-labelledby={headingId}>
      <header className="cp-brief-section-head">
        <span className="cp-brief-section-number" aria-hidden="true">
          {number}
        </span>
        <h2 className="cp-brief-section-title" id={headingId}>
          {title}
        </h2>
        {stale ? (
          <span className="cp-status-chip cp-status-chip-warning cp-status-chip-sm">
            {t('briefUi.staleCount', { count: stale })}
          </span>
        ) : null}
      </header>
      <div className="cp-text-columns" style={languageColumns(brief.languages.length)}>
        {brief.languages.map((language) => {
          const text = section.texts[language];
          if (!text) return null;
          return (
            <TextColumn
              key={language}
              campaignId={campaign.id}
              sectionKey={sectionKey}
              sectionTitle={title}
              language={language}
              text={text}
              markets={campaign.markets.filter((m) => m.language === language).map((m) => m.code)}
              canEdit={canEdit}
              me={me}
              now={now}
            />
          );
        })}
      </div>
      {sectionKey === 'timeline' ? (
        <div className="cp-timeline-note">
          <p>{t('briefUi.timelineNote')}</p>
          <Link to={`/campaigns/${campaign.id}/timeline`} className="button button-secondary button-sm">
            {t('briefUi.timelineLink')}
          </Link>
        </div>
      ) : (
        <div className="cp-brief-section-data">
          <SectionDataBlock
            campaign={campaign}
            sectionKey={sectionKey}
            sectionTitle={title}
            label={t(`briefUi.dataLabel.${sectionKey}`)}
            data={section.data}
            revision={section.dataRevision}
            canEdit={canEdit}
          />
        </div>
      )}
    </section>
  );
}
