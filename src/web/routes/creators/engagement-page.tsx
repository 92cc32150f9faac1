import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/runtime.ts';
import { ApiError } from '../../api/client.ts';
import { engagementQuery, policiesQuery, statusHistoryQuery } from '../../api/creators.ts';
import type { User } from '../../api/types.ts';
import { ArrowLeftIcon, CreatorsIcon, MailIcon } from '../../components/icons.tsx';
import { Badge, Button, EmptyState, ErrorAlert, Spinner } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { type Translate, useLocale, useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { formatInstant } from '../../time/format.ts';
import { useNow } from '../../time/use-now.ts';
import { describeZone, splitZone } from '../../time/zones.ts';
import { useLayoutCampaign } from '../campaign/campaign-layout.tsx';
import { ItemEscalations } from '../escalations/bits.tsx';
import { HistoryLink } from '../history-link.tsx';
import { AgreementsSection } from './agreements.tsx';
import { ApprovalsSection } from './approvals.tsx';
import { CommitmentBadge, FlagBadges, ScoreButton, Section, StatusPill } from './bits.tsx';
import { ChannelList } from './channels.tsx';
import { CommitmentBanners, CommitmentSection } from './commitment.tsx';
import { InviteCreatorDialog, mayInviteCreator } from './invite-dialog.tsx';
import { languageName, statusLabel } from './labels.ts';
import { useCreatorsLiveUpdates } from './live.ts';
import { RatingsSection } from './ratings.tsx';
import { mayManageCreators } from './roster-page.tsx';
import { StatusDialog } from './status-dialog.tsx';
import { TermsSection } from './terms.tsx';

/** `/campaigns/:id/creators/:engagementId`: one creator in the campaign, end to end. */
export function EngagementPage({ me, engagementId }: { me: User; engagementId: string }) {
  const t = useT();
  const [locale] = useLocale();
  const campaign = useLayoutCampaign();
  useCreatorsLiveUpdates(campaign.id);
  const query = useQuery(engagementQuery(campaign.id, engagementId));
  const policies = useQuery(policiesQuery(campaign.id));
  const now = useNow();
  const [dialog, setDialog] = useState<'status' | 'invite' | null>(null);
  const engagement = query.data;
  useDocumentTitle(engagement ? `${engagement.creator.name} · ${campaign.name}` : t('campaign.tab.creators'));
  // The server decides (creators/policies.ts); this only hides what another market's team may not do.
  const canEdit =
    mayManageCreators(me) &&
    (me.role === 'owner' ||
      me.role === 'admin' ||
      (engagement !== undefined && me.markets.includes(engagement.creator.marketCode)));
  const back = `/campaigns/${campaign.id}/creators`;

  if (query.isPending) {
    return (
      <div className="cr-center">
        <Spinner size="lg" label={t('common.loading')} />
      </div>
    );
  }
  if (query.isError || !engagement) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="card">
        {missing ? (
          <EmptyState icon={<CreatorsIcon width={26} height={26} />} title={t('engagement.detail.notFound')}>
            <Link className="button button-secondary" to={back}>
              {t('engagement.detail.back')}
            </Link>
          </EmptyState>
        ) : (
          <div className="card-body">
            <ErrorAlert error={query.error} />
          </div>
        )}
      </div>
    );
  }

  const creator = engagement.creator;
  const zone = describeZone(creator.timeZone, locale, now);
  const policy = policies.data?.find((p) => p.marketCode === creator.marketCode);

  return (
    <div className="cr-page cr-detail">
      <Link to={back} className="cr-back">
        <ArrowLeftIcon width={16} height={16} />
        {t('engagement.detail.back')}
      </Link>
      <header className="cr-detail-head">
        <div className="cr-detail-identity">
          <span className="avatar cr-avatar-lg" aria-hidden="true">
            {creator.name.trim().charAt(0).toUpperCase()}
          </span>
          <div>
            <h2 className="cr-detail-name">{creator.name}</h2>
            <div className="cr-detail-badges">
              <Badge>{creator.marketCode}</Badge>
              <StatusPill status={engagement.status} />
              <CommitmentBadge commitment={engagement.commitment} />
              <FlagBadges flags={engagement.flags} />
            </div>
          </div>
        </div>
        <div className="cr-detail-actions">
          <HistoryLink
            entityType="engagement"
            entityId={engagement.id}
            campaignId={campaign.id}
            label={creator.name}
          />
          <div className="cr-detail-score">
            <span className="muted">{t('engagement.list.score')}</span>
            <ScoreButton score={engagement.score} size="lg" />
          </div>
          {canEdit && !creator.hasPortalAccount && mayInviteCreator(me, creator.marketCode) ? (
            <Button onClick={() => setDialog('invite')}>
              <MailIcon />
              {t('creators.invite.open')}
            </Button>
          ) : null}
          {canEdit ? (
            <Button variant="primary" onClick={() => setDialog('status')}>
              {t('engagement.status.open')}
            </Button>
          ) : null}
        </div>
      </header>

      <CommitmentBanners engagement={engagement} me={me} />
      {engagement.commitment === 'maybe' && !engagement.flags.includes('went_live_unsigned') ? (
        <p className="cr-maybe-note">
          {engagement.flags.includes('unsigned_close_to_go_live')
            ? t('engagement.detail.maybeUrgent', { status: statusLabel(t, engagement.status) })
            : t('engagement.detail.maybeNote', { status: statusLabel(t, engagement.status) })}
        </p>
      ) : null}

      <div className="cr-detail-grid">
        <div className="cr-detail-main">
          <ApprovalsSection engagement={engagement} policy={policy} me={me} canEdit={canEdit} />
          <AgreementsSection engagement={engagement} me={me} canEdit={canEdit} />
          <TermsSection engagement={engagement} campaign={campaign} canEdit={canEdit} />
        </div>
        <aside className="cr-detail-side">
          <CommitmentSection engagement={engagement} me={me} canEdit={canEdit} />
          <Section title={t('engagement.detail.creator')}>
            <dl className="cr-side-facts">
              <div>
                <dt>{t('engagement.detail.localTime')}</dt>
                <dd>
                  <strong>{zone?.time}</strong> {zone?.abbreviation}
                  <span className="muted"> · {splitZone(creator.timeZone, locale).city}</span>
                </dd>
              </div>
              <div>
                <dt>{t('creators.form.language')}</dt>
                <dd>{languageName(creator.language, locale)}</dd>
              </div>
              {creator.contact.email || creator.contact.telegram || creator.contact.phone ? (
                <div>
                  <dt>{t('creators.form.contact')}</dt>
                  <dd className="cr-contact">
                    {creator.contact.email ? (
                      <a href={`mailto:${creator.contact.email}`}>{creator.contact.email}</a>
                    ) : null}
                    {creator.contact.telegram ? <span>{creator.contact.telegram}</span> : null}
                    {creator.contact.phone ? <span>{creator.contact.phone}</span> : null}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t('creators.portal')}</dt>
                <dd>
                  {creator.hasPortalAccount ? (
                    <Badge tone="success">{t('creators.portalAccount')}</Badge>
                  ) : (
                    <span className="muted">{t('creators.noPortalAccount')}</span>
                  )}
                </dd>
              </div>
            </dl>
            <ChannelList channels={creator.channels} />
            {creator.notes ? <p className="cr-notes-text">{creator.notes}</p> : null}
          </Section>
          <Section title={t('escalationUi.item.heading')}>
            <ItemEscalations
              campaignId={campaign.id}
              entityType="engagement"
              entityId={engagement.id}
              label={creator.name}
            />
          </Section>
          <RatingsSection engagement={engagement} canEdit={canEdit} />
          <StatusHistory campaignId={campaign.id} engagementId={engagement.id} me={me} />
        </aside>
      </div>

      {dialog === 'status' ? <StatusDialog engagement={engagement} onClose={() => setDialog(null)} /> : null}
      {dialog === 'invite' ? (
        <InviteCreatorDialog creator={creator} me={me} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}

/** Every status change with who, when and why (from the audit log). */
function StatusHistory({
  campaignId,
  engagementId,
  me,
}: {
  campaignId: string;
  engagementId: string;
  me: User;
}) {
  const t = useT();
  const [locale] = useLocale();
  const history = useQuery(statusHistoryQuery(campaignId, engagementId));
  return (
    <Section title={t('engagement.history.title')}>
      <ErrorAlert error={history.error} />
      {history.data && history.data.length === 0 ? (
        <p className="muted">{t('engagement.history.none')}</p>
      ) : null}
      <ol className="cr-history">
        {history.data?.map((event) => (
          <li key={event.id}>
            <div className="cr-history-line">
              {event.before?.status ? (
                <span className="muted">{statusLabel(t, event.before.status)} →</span>
              ) : null}
              <strong>{event.after?.status ? statusLabel(t, event.after.status) : ''}</strong>
            </div>
            {event.after?.note ? (
              <p className="cr-history-reason">{statusNote(t, event.after.note)}</p>
            ) : null}
            {event.after?.reason ? (
              <p className="cr-history-reason">
                {t('engagement.history.reason', { reason: event.after.reason })}
              </p>
            ) : null}
            <p className="cr-history-meta">
              {[event.actor?.name, formatInstant(event.at, me.timeZone, locale)].filter(Boolean).join(' · ')}
            </p>
          </li>
        ))}
      </ol>
    </Section>
  );
}

const noteKeys: Record<string, MessageKey> = {
  agreement_sent: 'engagement.history.note.agreement_sent',
  agreement_signed: 'engagement.history.note.agreement_signed',
  draft_submitted: 'engagement.history.note.draft_submitted',
};

/** A coded status note in the reader's language; a code this build does not know shows as the code. */
function statusNote(t: Translate, note: { code: string } & Record<string, string | number>): string {
  const key = Object.hasOwn(noteKeys, note.code) ? noteKeys[note.code] : undefined;
  return key ? t(key, note) : note.code;
}
