import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import {
  type Creator,
  creatorKeys,
  PLATFORM_OPTIONS,
  policyDefaultsQuery,
  rosterQuery,
} from '../../api/creators.ts';
import type { User } from '../../api/types.ts';
import {
  CreatorsIcon,
  MailIcon,
  PencilIcon,
  PlusIcon,
  SearchIcon,
  UploadIcon,
} from '../../components/icons.tsx';
import {
  Badge,
  Button,
  ErrorAlert,
  PageHeader,
  Select,
  SkeletonRows,
  TextInput,
} from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { useNow } from '../../time/use-now.ts';
import { describeZone, splitZone } from '../../time/zones.ts';
import { ChannelList } from './channels.tsx';
import { CreatorDialog } from './creator-dialog.tsx';
import { ImportDialog } from './import-dialog.tsx';
import { InviteCreatorDialog, mayInviteCreator } from './invite-dialog.tsx';
import { languageName, platformLabel } from './labels.ts';
import { PolicyDefaultsCard } from './policies.tsx';

/** Staff who may change the roster (the server's `mayManageCreators`: not stakeholders, not creators). */
export const mayManageCreators = (me: User) => me.role !== 'creator' && me.role !== 'stakeholder';

/** Refetches the roster when a creator is added or changed anywhere (workspace events). */
function useRosterLiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    source.addEventListener('change', (message) => {
      try {
        const event = JSON.parse((message as MessageEvent<string>).data) as { entityType?: string };
        if (event.entityType === 'creator')
          void queryClient.invalidateQueries({ queryKey: creatorKeys.roster });
      } catch {
        // Not an event of ours.
      }
    });
    return () => source.close();
  }, [queryClient]);
}

interface Filters {
  q: string;
  market: string;
  platform: string;
  tag: string;
}
const NO_FILTERS: Filters = { q: '', market: '', platform: '', tag: '' };

function matches(creator: Creator, filters: Filters): boolean {
  if (filters.market && creator.marketCode !== filters.market) return false;
  if (filters.platform && !creator.channels.some((c) => c.platform === filters.platform)) return false;
  if (filters.tag && !creator.tags.includes(filters.tag)) return false;
  const q = filters.q.trim().toLocaleLowerCase();
  if (!q) return true;
  const haystack = [
    creator.name,
    creator.marketCode,
    creator.contact.email ?? '',
    ...creator.tags,
    ...creator.channels.map((c) => c.handle),
  ]
    .join(' ')
    .toLocaleLowerCase();
  return q.split(/\s+/).every((word) => haystack.includes(word));
}

/** `/creators`: the workspace's roster across markets, with filters, import and market rule defaults. */
export function RosterPage({ me }: { me: User }) {
  const t = useT();
  const [locale] = useLocale();
  useDocumentTitle(t('creators.title'));
  useRosterLiveUpdates();
  const roster = useQuery(rosterQuery);
  const defaults = useQuery(policyDefaultsQuery);
  const now = useNow();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [dialog, setDialog] = useState<
    | { kind: 'add' }
    | { kind: 'edit'; creator: Creator }
    | { kind: 'import' }
    | { kind: 'invite'; creator: Creator }
    | null
  >(null);
  const canManage = mayManageCreators(me);

  // A roster reads by market, then by name (the server lists newest first).
  const creators = useMemo(
    () =>
      [...(roster.data ?? [])].sort(
        (a, b) => a.marketCode.localeCompare(b.marketCode) || a.name.localeCompare(b.name, locale),
      ),
    [roster.data, locale],
  );
  const marketCodes = useMemo(
    () =>
      [
        ...new Set([...creators.map((c) => c.marketCode), ...(defaults.data ?? []).map((d) => d.marketCode)]),
      ].sort(),
    [creators, defaults.data],
  );
  const tags = useMemo(
    () => [...new Set(creators.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b)),
    [creators],
  );
  const shown = creators.filter((c) => matches(c, filters));
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  // `/creators#defaults` (from a campaign's market rules) scrolls to the defaults once they are there.
  useEffect(() => {
    if (window.location.hash === '#defaults' && defaults.data)
      document.getElementById('defaults')?.scrollIntoView({ block: 'start' });
  }, [defaults.data]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <PageHeader
        title={t('creators.title')}
        description={t('creators.description')}
        actions={
          canManage ? (
            <>
              <Button onClick={() => setDialog({ kind: 'import' })}>
                <UploadIcon />
                {t('creators.importCsv')}
              </Button>
              <Button variant="primary" onClick={() => setDialog({ kind: 'add' })}>
                <PlusIcon />
                {t('creators.add')}
              </Button>
            </>
          ) : null
        }
      />
      <div className="stack-lg">
        <section className="card" aria-label={t('creators.rosterLabel')}>
          <div className="cr-toolbar">
            <div className="cr-search">
              <SearchIcon className="cr-search-icon" />
              <TextInput
                className="cr-search-input"
                type="search"
                value={filters.q}
                onChange={(e) => set({ q: e.target.value })}
                placeholder={t('creators.searchPlaceholder')}
                aria-label={t('creators.search')}
              />
            </div>
            <Select
              className="cr-toolbar-select"
              value={filters.market}
              onChange={(e) => set({ market: e.target.value })}
              aria-label={t('creators.filterMarket')}
            >
              <option value="">{t('creators.allMarkets')}</option>
              {marketCodes.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
            <Select
              className="cr-toolbar-select"
              value={filters.platform}
              onChange={(e) => set({ platform: e.target.value })}
              aria-label={t('creators.filterPlatform')}
            >
              <option value="">{t('creators.allPlatforms')}</option>
              {PLATFORM_OPTIONS.map((p) => (
                <option key={p} value={p}>
                  {platformLabel(t, p)}
                </option>
              ))}
            </Select>
            <Select
              className="cr-toolbar-select"
              value={filters.tag}
              onChange={(e) => set({ tag: e.target.value })}
              aria-label={t('creators.filterTag')}
            >
              <option value="">{t('creators.allTags')}</option>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </Select>
            <span className="cr-count" aria-live="polite">
              {roster.data
                ? filtered
                  ? t('creators.countFiltered', { shown: shown.length, count: creators.length })
                  : t('creators.count', { count: creators.length })
                : null}
            </span>
            {filtered ? (
              <Button size="sm" variant="ghost" onClick={() => setFilters(NO_FILTERS)}>
                {t('creators.clearFilters')}
              </Button>
            ) : null}
          </div>
          <ErrorAlert error={roster.error} />
          {roster.data && creators.length === 0 ? (
            <div className="empty-state">
              <div className="empty-icon">
                <CreatorsIcon width={26} height={26} />
              </div>
              <p className="empty-title">{t('creators.emptyTitle')}</p>
              <div className="empty-text">
                <p>{canManage ? t('creators.emptyText') : t('creators.emptyTextReadOnly')}</p>
                {canManage ? (
                  <div className="cr-inline-actions">
                    <Button onClick={() => setDialog({ kind: 'import' })}>
                      <UploadIcon />
                      {t('creators.importCsv')}
                    </Button>
                    <Button variant="primary" onClick={() => setDialog({ kind: 'add' })}>
                      <PlusIcon />
                      {t('creators.add')}
                    </Button>
                  </div>
                ) : null}
              </div>
            </div>
          ) : (
            <div className="table-wrap cr-table-wrap">
              <table className="table cr-roster">
                <thead>
                  <tr>
                    <th scope="col">{t('creators.col.creator')}</th>
                    <th scope="col">{t('creators.col.market')}</th>
                    <th scope="col">{t('creators.col.zone')}</th>
                    <th scope="col">{t('creators.col.channels')}</th>
                    <th scope="col">{t('creators.col.tags')}</th>
                    {canManage ? (
                      <th scope="col" className="cell-actions">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {roster.isPending ? <SkeletonRows columns={canManage ? 6 : 5} rows={4} /> : null}
                  {shown.map((creator) => {
                    const zone = describeZone(creator.timeZone, locale, now);
                    return (
                      <tr key={creator.id}>
                        <td>
                          <div className="cr-name-cell">
                            <span className="avatar cr-avatar" aria-hidden="true">
                              {creator.name.trim().charAt(0).toUpperCase()}
                            </span>
                            <div>
                              <div className="cell-primary">{creator.name}</div>
                              <div className="cell-secondary">
                                {creator.contact.email ?? creator.contact.telegram ?? ''}
                                {creator.hasPortalAccount ? (
                                  <span className="cr-portal-tag">{t('creators.portalAccount')}</span>
                                ) : null}
                              </div>
                            </div>
                          </div>
                        </td>
                        <td>
                          <div className="cr-market-cell">
                            <Badge>{creator.marketCode}</Badge>
                            <span className="cell-secondary">{languageName(creator.language, locale)}</span>
                          </div>
                        </td>
                        <td className="cell-nowrap">
                          <div>{splitZone(creator.timeZone, locale).city}</div>
                          {zone ? (
                            <div className="cell-secondary">
                              {t('creators.localNow', { time: zone.time, zone: zone.abbreviation })}
                            </div>
                          ) : null}
                        </td>
                        <td>
                          <ChannelList channels={creator.channels} compact />
                        </td>
                        <td>
                          {creator.tags.length ? (
                            <span className="chips">
                              {creator.tags.map((tag) => (
                                <button
                                  type="button"
                                  key={tag}
                                  className="cr-tag"
                                  onClick={() => set({ tag })}
                                  title={t('creators.filterByTag', { tag })}
                                >
                                  {tag}
                                </button>
                              ))}
                            </span>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                        {canManage ? (
                          <td className="cell-actions">
                            <div className="cr-row-actions">
                              {!creator.hasPortalAccount && mayInviteCreator(me, creator.marketCode) ? (
                                <Button
                                  size="sm"
                                  variant="ghost"
                                  onClick={() => setDialog({ kind: 'invite', creator })}
                                  aria-label={t('creators.inviteNamed', { name: creator.name })}
                                  title={t('creators.inviteNamed', { name: creator.name })}
                                >
                                  <MailIcon />
                                </Button>
                              ) : null}
                              <Button
                                size="sm"
                                variant="ghost"
                                onClick={() => setDialog({ kind: 'edit', creator })}
                                aria-label={t('creators.editNamed', { name: creator.name })}
                                title={t('creators.editNamed', { name: creator.name })}
                              >
                                <PencilIcon />
                              </Button>
                            </div>
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                  {roster.data && creators.length > 0 && shown.length === 0 ? (
                    <tr>
                      <td colSpan={canManage ? 6 : 5} className="cr-no-match">
                        {t('creators.noMatch')}
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <PolicyDefaultsCard me={me} />
      </div>
      {dialog?.kind === 'add' ? (
        <CreatorDialog marketCodes={marketCodes} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <CreatorDialog creator={dialog.creator} marketCodes={marketCodes} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'import' ? <ImportDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'invite' ? (
        <InviteCreatorDialog creator={dialog.creator} me={me} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
