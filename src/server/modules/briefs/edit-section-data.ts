import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayEditBrief } from '../campaigns/policies.ts';
import { assertRulePeople } from './escalation-rules.ts';
import { assertSectionKey, briefState, bumpBriefRevision, readBrief } from './read-brief.ts';
import { type SectionData, sectionDataSchemas } from './schema.ts';
import { briefSectionData } from './tables.ts';

/** Market codes a section's structured content refers to; each must be one of the campaign's. */
function referencedMarkets(data: object): string[] {
  const codes: string[] = [];
  if ('markets' in data)
    for (const m of data.markets as Array<{ marketCode: string }>) codes.push(m.marketCode);
  if ('items' in data) {
    for (const item of data.items as Array<{ marketNotes: Record<string, unknown> }>)
      codes.push(...Object.keys(item.marketNotes));
  }
  return codes;
}

/** Replaces a section's structured content (criteria, KPIs, rules), with the same 409 protection as texts. */
export async function editSectionData(
  db: Db,
  actor: Actor,
  campaignId: string,
  rawKey: string,
  input: { data: unknown; baseRevision: number },
) {
  const key = assertSectionKey(rawKey);
  if (!mayEditBrief(actor)) throw forbidden();
  const parsed = sectionDataSchemas[key].safeParse(input.data);
  if (!parsed.success) {
    throw new AppError(
      400,
      'invalid_section_data',
      'error.invalid_section_data',
      undefined,
      parsed.error.issues.map((issue) => ({
        path: ['data', ...issue.path].join('.'),
        code: issue.code,
        message: issue.message,
      })),
    );
  }
  return db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    const marketCodes = new Set(campaign.markets.map((m) => m.code));
    const unknown = referencedMarkets(parsed.data).filter((code) => !marketCodes.has(code));
    if (unknown.length) {
      throw new AppError(
        400,
        'invalid_section_data',
        'error.invalid_section_data',
        undefined,
        unknown.map((code) => ({ path: 'data', code: 'unknown_market', message: code })),
      );
    }
    if (key === 'escalation') await assertRulePeople(tx, (parsed.data as SectionData['escalation']).rules);
    await briefState(tx, campaignId, true);
    const [current] = await tx
      .select()
      .from(briefSectionData)
      .where(and(eq(briefSectionData.campaignId, campaignId), eq(briefSectionData.sectionKey, key)));
    const currentRevision = current?.revision ?? 0;
    if (input.baseRevision !== currentRevision) {
      throw new AppError(409, 'version_conflict', 'error.version_conflict', undefined, {
        current: { data: current?.data ?? null, revision: currentRevision },
      });
    }
    const now = new Date();
    const revision = currentRevision + 1;
    await tx
      .insert(briefSectionData)
      .values({
        campaignId,
        sectionKey: key,
        data: parsed.data,
        revision,
        updatedAt: now,
        updatedBy: actor.id,
      })
      .onConflictDoUpdate({
        target: [briefSectionData.campaignId, briefSectionData.sectionKey],
        set: { data: parsed.data, revision, updatedAt: now, updatedBy: actor.id },
      });
    await recordAuditEvent(tx, {
      actor,
      action: 'brief.data_edited',
      entityType: 'brief_section',
      entityId: `${campaignId}:${key}`,
      campaignId,
      before: current?.data ?? null,
      after: parsed.data,
    });
    const briefRevision = await bumpBriefRevision(tx, campaignId);
    await publish(tx, `campaign:${campaignId}`, {
      type: 'brief.data_edited',
      entityType: 'brief_section',
      entityId: key,
      data: { revision: briefRevision, by: actor.name },
    });
    return readBrief(tx, campaign);
  });
}
