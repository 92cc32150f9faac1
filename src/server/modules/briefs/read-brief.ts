import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { users } from '../auth/tables.ts';
import { type Campaign, campaignLanguages } from '../campaigns/find-campaign.ts';
import { emptySectionData, readSectionData, type SectionData } from './schema.ts';
import { staleAgainst } from './staleness.ts';
import { briefSectionData, briefs, briefTexts, SECTION_KEYS, type SectionKey } from './tables.ts';

export type BriefTextRow = typeof briefTexts.$inferSelect;

export function assertSectionKey(key: string): SectionKey {
  if (!(SECTION_KEYS as readonly string[]).includes(key)) {
    throw new AppError(400, 'unknown_section', 'error.unknown_section', {
      key,
      keys: SECTION_KEYS.join(', '),
    });
  }
  return key as SectionKey;
}

export function assertCampaignLanguage(campaign: Campaign, language: string): void {
  const languages = campaignLanguages(campaign);
  if (!languages.includes(language)) {
    throw new AppError(400, 'language_not_in_campaign', 'error.language_not_in_campaign', {
      language,
      languages: languages.join(', '),
    });
  }
}

/** The brief's state row, created on first use; locked when `forUpdate` (serialises edits). */
export async function briefState(tx: DbOrTx, campaignId: string, forUpdate = false) {
  await tx.insert(briefs).values({ campaignId }).onConflictDoNothing();
  const query = tx.select().from(briefs).where(eq(briefs.campaignId, campaignId));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw new Error('brief state row missing');
  return row;
}

/** Texts of a section, keyed by language, with the campaign's languages always present. */
export function textsByLanguage(rows: BriefTextRow[], languages: string[]) {
  const map: Record<string, BriefTextRow | undefined> = {};
  for (const language of languages) map[language] = rows.find((r) => r.language === language);
  return map;
}

export async function readBrief(db: DbOrTx, campaign: Campaign) {
  const languages = campaignLanguages(campaign);
  const state = await briefState(db, campaign.id);
  const texts = await db.select().from(briefTexts).where(eq(briefTexts.campaignId, campaign.id));
  const data = await db.select().from(briefSectionData).where(eq(briefSectionData.campaignId, campaign.id));
  const authorIds = [...new Set(texts.map((t) => t.updatedBy).filter((id): id is string => Boolean(id)))];
  const authors = authorIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds))
    : [];
  let staleCount = 0;
  const sections = SECTION_KEYS.map((key) => {
    const byLanguage = textsByLanguage(
      texts.filter((t) => t.sectionKey === key),
      languages,
    );
    const sectionTexts = Object.fromEntries(
      languages.map((language) => {
        const row = byLanguage[language];
        const against = staleAgainst(language, byLanguage);
        if (against.length) staleCount += 1;
        return [
          language,
          {
            text: row?.text ?? '',
            revision: row?.revision ?? 0,
            updatedAt: row?.updatedAt.toISOString() ?? null,
            updatedBy: authors.find((a) => a.id === row?.updatedBy) ?? null,
            stale: against.length > 0,
            staleAgainst: against,
          },
        ];
      }),
    );
    const dataRow = data.find((d) => d.sectionKey === key);
    return {
      key,
      texts: sectionTexts,
      data: dataRow ? readSectionData(key, dataRow.data) : emptySectionData[key],
      dataRevision: dataRow?.revision ?? 0,
    };
  });
  return {
    campaignId: campaign.id,
    revision: state.revision,
    publishedVersion: state.publishedVersion,
    hasUnpublishedChanges: state.revision !== (state.publishedRevision ?? 0),
    languages,
    staleCount,
    sections,
  };
}

export async function bumpBriefRevision(tx: DbOrTx, campaignId: string): Promise<number> {
  const [row] = await tx
    .update(briefs)
    .set({ revision: sql`${briefs.revision} + 1` })
    .where(eq(briefs.campaignId, campaignId))
    .returning({ revision: briefs.revision });
  return row!.revision;
}

/** The brief's weighted creator-selection criteria (used to score creators). */
export async function selectionCriteria(db: DbOrTx, campaignId: string) {
  const [row] = await db
    .select({ data: briefSectionData.data })
    .from(briefSectionData)
    .where(
      and(eq(briefSectionData.campaignId, campaignId), eq(briefSectionData.sectionKey, 'selection_criteria')),
    );
  return (row?.data as SectionData['selection_criteria'] | undefined)?.criteria ?? [];
}
