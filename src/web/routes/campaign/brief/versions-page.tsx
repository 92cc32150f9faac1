import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { versionsQuery } from '../../../api/campaigns.ts';
import type { User } from '../../../api/types.ts';
import { CompareIcon, HistoryIcon } from '../../../components/icons.tsx';
import { Button, EmptyState, ErrorAlert, Select } from '../../../components/ui.tsx';
import { useDocumentTitle } from '../../../document-title.ts';
import { useLocale, useT } from '../../../i18n/locale.tsx';
import { Link, navigate } from '../../../router/router.tsx';
import { formatInstant } from '../../../time/format.ts';
import { useLayoutCampaign } from '../campaign-layout.tsx';

/** Every published version, newest first: view one, compare any two. */
export function VersionsPage({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  useDocumentTitle(`${t('versions.title')} · ${campaign.name}`);
  const versions = useQuery(versionsQuery(campaign.id));
  const list = versions.data ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const latest = list[0]?.version;
  const fromValue = from || String(list[1]?.version ?? '');
  const toValue = to || String(latest ?? '');

  const compare = (event: FormEvent) => {
    event.preventDefault();
    if (fromValue && toValue && fromValue !== toValue)
      navigate(`/campaigns/${campaign.id}/brief/versions/${fromValue}/diff/${toValue}`);
  };

  return (
    <div className="stack-lg">
      <div className="cp-subpage-head">
        <Link to={`/campaigns/${campaign.id}/brief`} className="cp-back-link">
          ← {t('versions.backToBrief')}
        </Link>
        <h2 className="cp-subpage-title">{t('versions.title')}</h2>
        <p className="cp-subpage-text">{t('versions.description')}</p>
      </div>
      <ErrorAlert error={versions.error} />
      {versions.isSuccess && list.length === 0 ? (
        <div className="card">
          <EmptyState icon={<HistoryIcon width={26} height={26} />} title={t('versions.emptyTitle')}>
            <p>{t('versions.emptyText')}</p>
          </EmptyState>
        </div>
      ) : null}
      {list.length > 1 ? (
        <form className="card cp-compare-form" onSubmit={compare}>
          <CompareIcon className="cp-compare-form-icon" />
          <label className="cp-compare-field" htmlFor="compare-from">
            <span>{t('versions.from')}</span>
            <Select id="compare-from" value={fromValue} onChange={(event) => setFrom(event.target.value)}>
              {list.map((v) => (
                <option key={v.version} value={v.version}>
                  {t('versions.version', { version: v.version })}
                </option>
              ))}
            </Select>
          </label>
          <span aria-hidden="true" className="cp-compare-arrow">
            →
          </span>
          <label className="cp-compare-field" htmlFor="compare-to">
            <span>{t('versions.to')}</span>
            <Select id="compare-to" value={toValue} onChange={(event) => setTo(event.target.value)}>
              {list.map((v) => (
                <option key={v.version} value={v.version}>
                  {t('versions.version', { version: v.version })}
                </option>
              ))}
            </Select>
          </label>
          <Button type="submit" disabled={fromValue === toValue}>
            {t('versions.showChanges')}
          </Button>
        </form>
      ) : null}
      {list.length > 0 ? (
        <ol className="cp-version-list">
          {list.map((v) => (
            <li key={v.version} className="cp-version-item">
              <span className="cp-version-dot" aria-hidden="true" />
              <div className="cp-version-main">
                <div className="cp-version-title-row">
                  <Link
                    to={`/campaigns/${campaign.id}/brief/versions/${v.version}`}
                    className="cp-version-title"
                  >
                    {t('versions.version', { version: v.version })}
                  </Link>
                  {v.version === latest ? (
                    <span className="cp-status-chip cp-status-chip-accent cp-status-chip-sm">
                      {t('versions.current')}
                    </span>
                  ) : null}
                </div>
                <p className="cp-version-meta">
                  {t('versions.publishedBy', {
                    name: v.publishedBy.name,
                    when: formatInstant(v.publishedAt, me.timeZone, locale),
                  })}
                </p>
                {v.note ? <p className="cp-version-note">{v.note}</p> : null}
              </div>
              <div className="cp-version-actions">
                {v.version > 1 ? (
                  <Link
                    to={`/campaigns/${campaign.id}/brief/versions/${v.version - 1}/diff/${v.version}`}
                    className="button button-ghost button-sm"
                  >
                    {t('versions.compareWithPrevious')}
                  </Link>
                ) : null}
                <Link
                  to={`/campaigns/${campaign.id}/brief/versions/${v.version}`}
                  className="button button-secondary button-sm"
                >
                  {t('versions.view')}
                </Link>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
