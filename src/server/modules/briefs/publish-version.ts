import { and, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { users } from '../auth/tables.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayPublishBrief, mayViewCampaign } from '../campaigns/policies.ts';
import { briefState, readBrief } from './read-brief.ts';
import { readSectionData } from './schema.ts';
import { briefs, briefVersions, type SectionKey } from './tables.ts';

export interface BriefSnapshot {
  campaign: { name: string; brand: string; launchWindowHours: number };
  languages: string[];
  markets: Array<{ code: string; name: string; language: string; timeZone: string; objective: string }>;
  sections: Array<{
    key: SectionKey;
    texts: Record<string, { text: string; stale: boolean }>;
    data: unknown;
  }>;
}

/** Freezes the current brief as the next numbered version. */
export async function publishVersion(db: Db, actor: Actor, campaignId: string, note: string | undefined) {
  return db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    if (!mayPublishBrief(actor, campaign)) throw forbidden();
    const state = await briefState(tx, campaignId, true);
    if (state.publishedVersion !== null && state.publishedRevision === state.revision) {
      throw new AppError(409, 'nothing_to_publish', 'error.nothing_to_publish', {
        version: state.publishedVersion,
      });
    }
    const brief = await readBrief(tx, campaign);
    const snapshot: BriefSnapshot = {
      campaign: { name: campaign.name, brand: campaign.brand, launchWindowHours: campaign.launchWindowHours },
      languages: brief.languages,
      markets: campaign.markets.map((m) => ({
        code: m.code,
        name: m.name,
        language: m.language,
        timeZone: m.timeZone,
        objective: m.objective,
      })),
      sections: brief.sections.map((s) => ({
        key: s.key,
        texts: Object.fromEntries(
          Object.entries(s.texts).map(([lang, t]) => [lang, { text: t.text, stale: t.stale }]),
        ),
        data: s.data,
      })),
    };
    const number = (state.publishedVersion ?? 0) + 1;
    await tx
      .insert(briefVersions)
      .values({ campaignId, number, snapshot, note: note ?? null, publishedBy: actor.id });
    await tx
      .update(briefs)
      .set({ publishedVersion: number, publishedRevision: state.revision })
      .where(eq(briefs.campaignId, campaignId));
    await recordAuditEvent(tx, {
      actor,
      action: 'brief.version_published',
      entityType: 'brief_version',
      entityId: `${campaignId}:${number}`,
      campaignId,
      after: { version: number, note: note ?? null, staleTexts: brief.staleCount },
    });
    await publish(tx, `campaign:${campaignId}`, {
      type: 'brief.version_published',
      entityType: 'brief_version',
      entityId: String(number),
      data: { version: number, by: actor.name },
    });
    return { version: number, publishedAt: new Date().toISOString(), staleTexts: brief.staleCount };
  });
}

export async function findVersion(db: DbOrTx, actor: Actor, campaignId: string, number: number) {
  if (!mayViewCampaign(actor)) throw forbidden();
  await findCampaign(db, campaignId);
  return readVersion(db, campaignId, number);
}

/** A published version without an authorization check: callers decide what of it to show. */
export async function readVersion(db: DbOrTx, campaignId: string, number: number) {
  const [row] = await db
    .select({ version: briefVersions, publisherName: users.name })
    .from(briefVersions)
    .innerJoin(users, eq(users.id, briefVersions.publishedBy))
    .where(and(eq(briefVersions.campaignId, campaignId), eq(briefVersions.number, number)));
  if (!row)
    throw new AppError(404, 'brief_version_not_found', 'error.brief_version_not_found', { version: number });
  return {
    version: row.version.number,
    publishedAt: row.version.publishedAt.toISOString(),
    publishedBy: { id: row.version.publishedBy, name: row.publisherName },
    note: row.version.note,
    snapshot: upgradeSnapshot(row.version.snapshot as BriefSnapshot),
  };
}

export async function listVersions(db: DbOrTx, actor: Actor, campaignId: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  await findCampaign(db, campaignId);
  const rows = await db
    .select({
      version: briefVersions.number,
      publishedAt: briefVersions.publishedAt,
      note: briefVersions.note,
      publishedById: briefVersions.publishedBy,
      publishedByName: users.name,
    })
    .from(briefVersions)
    .innerJoin(users, eq(users.id, briefVersions.publishedBy))
    .where(eq(briefVersions.campaignId, campaignId))
    .orderBy(desc(briefVersions.number));
  return rows.map((r) => ({
    version: r.version,
    publishedAt: r.publishedAt.toISOString(),
    note: r.note,
    publishedBy: { id: r.publishedById, name: r.publishedByName },
  }));
}

/** Versions published before a section's data changed shape read in today's shape. */
function upgradeSnapshot(snapshot: BriefSnapshot): BriefSnapshot {
  return {
    ...snapshot,
    sections: snapshot.sections.map((s) => ({ ...s, data: readSectionData(s.key, s.data) })),
  };
}
