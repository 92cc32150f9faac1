import type { Locale } from '../../../shared/i18n/index.ts';
import type { DbOrTx } from '../../db/index.ts';
import { forbidden } from '../../http/errors.ts';
import type { Actor } from '../auth/policies.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { policyFor } from '../creators/market-policies.ts';
import { feedbackTurnaround } from './feedback-turnaround.ts';
import {
  engagementsOf,
  lateAcknowledgements,
  lateAgreements,
  lateCreatorDeadlines,
  lateEscalations,
  lateFeedback,
  lateTasks,
  type Scope,
  submissionsOf,
} from './late-items.ts';
import { launchSpread } from './launch-spread.ts';
import { mayViewRetrospective, visibleMarkets } from './policies.ts';
import { LATE_KINDS, type LateItem, type LateKind, type Retrospective } from './schema.ts';

const countByKind = (items: LateItem[]) =>
  Object.fromEntries(LATE_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<
    LateKind,
    number
  >;

/**
 * The post-mortem of a campaign: everything that was late, by kind, by how much, whose and in
 * which market; planned against actual launch spread; each market's feedback turnaround against
 * its promise. Read-only, computed on each request from the records themselves (see README.md).
 */
export async function campaignRetrospective(
  db: DbOrTx,
  actor: Actor,
  campaignId: string,
  options: { locale: Locale; now?: Date },
): Promise<Retrospective> {
  if (!mayViewRetrospective(actor)) throw forbidden();
  const campaign = await findCampaign(db, campaignId);
  const now = options.now ?? new Date();
  const codes = visibleMarkets(
    actor,
    campaign.markets.map((m) => m.code),
  );
  const scope: Scope = { campaign, markets: codes, now, locale: options.locale };
  const [all, drafts] = await Promise.all([engagementsOf(db, campaign.id), submissionsOf(db, campaign.id)]);
  const byId = new Map(all.map((e) => [e.id, e]));
  const [tasks, deadlines, agreements, acknowledgements, escalations, launch, policies] = await Promise.all([
    lateTasks(db, scope),
    lateCreatorDeadlines(db, scope, byId, drafts),
    lateAgreements(db, scope, all),
    lateAcknowledgements(db, scope),
    lateEscalations(db, scope),
    launchSpread(db, campaign, now),
    Promise.all(codes.map((code) => policyFor(db, campaign.id, code))),
  ]);
  const order = (kind: LateKind) => LATE_KINDS.indexOf(kind);
  const late = [
    ...tasks,
    ...lateFeedback(scope, byId, drafts),
    ...deadlines,
    ...agreements,
    ...acknowledgements,
    ...escalations,
  ].sort((a, b) => order(a.kind) - order(b.kind) || b.lateMinutes - a.lateMinutes);
  const byMarket: Retrospective['byMarket'] = {};
  for (const [i, code] of codes.entries()) {
    const own = late.filter((item) => item.marketCode === code);
    byMarket[code] = {
      late: own.length,
      open: own.filter((item) => item.open).length,
      byKind: countByKind(own),
      feedback: feedbackTurnaround(policies[i]!.feedbackTurnaroundHours, code, byId, drafts, now),
    };
  }
  return {
    campaignId: campaign.id,
    campaignName: campaign.name,
    generatedAt: now.toISOString(),
    markets: campaign.markets
      .filter((m) => codes.includes(m.code))
      .map((m) => ({ code: m.code, name: m.name, timeZone: m.timeZone })),
    launch,
    late,
    totals: { late: late.length, open: late.filter((i) => i.open).length, byKind: countByKind(late) },
    byMarket,
  };
}
