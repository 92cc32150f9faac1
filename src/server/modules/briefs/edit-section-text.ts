import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { users } from '../auth/tables.ts';
import { campaignLanguages, findCampaign } from '../campaigns/find-campaign.ts';
import { mayEditBrief } from '../campaigns/policies.ts';
import {
  assertCampaignLanguage,
  assertSectionKey,
  briefState,
  bumpBriefRevision,
  readBrief,
  textsByLanguage,
} from './read-brief.ts';
import type { confirmTextBody, editTextBody } from './schema.ts';
import { afterEdit, staleAgainst } from './staleness.ts';
import { briefTexts, type SectionKey } from './tables.ts';

/** Records which revisions of the other languages one text was written or confirmed against. */
function setBasedOn(
  tx: DbOrTx,
  campaignId: string,
  key: SectionKey,
  language: string,
  basedOn: Record<string, number>,
) {
  return tx
    .update(briefTexts)
    .set({ basedOn })
    .where(
      and(
        eq(briefTexts.campaignId, campaignId),
        eq(briefTexts.sectionKey, key),
        eq(briefTexts.language, language),
      ),
    );
}

type Mode =
  | { kind: 'edit'; input: z.output<typeof editTextBody> }
  | { kind: 'confirm'; input: z.output<typeof confirmTextBody> };

/**
 * Writes one language of one section (or confirms it is still accurate), refusing an edit
 * that started from an older revision of that text.
 */
export async function editSectionText(db: Db, actor: Actor, campaignId: string, rawKey: string, mode: Mode) {
  const key = assertSectionKey(rawKey);
  if (!mayEditBrief(actor)) throw forbidden();
  const { language, baseRevision } = mode.input;
  return db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, campaignId);
    assertCampaignLanguage(campaign, language);
    await briefState(tx, campaignId, true);
    const rows = await tx
      .select()
      .from(briefTexts)
      .where(and(eq(briefTexts.campaignId, campaignId), eq(briefTexts.sectionKey, key)));
    const byLanguage = textsByLanguage(rows, campaignLanguages(campaign));
    const current = byLanguage[language];
    const currentRevision = current?.revision ?? 0;
    if (baseRevision !== currentRevision) {
      const [author] = current?.updatedBy
        ? await tx
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(eq(users.id, current.updatedBy))
        : [];
      throw new AppError(409, 'version_conflict', 'error.version_conflict', undefined, {
        current: {
          text: current?.text ?? '',
          revision: currentRevision,
          updatedAt: current?.updatedAt.toISOString() ?? null,
          updatedBy: author ?? null,
        },
      });
    }
    const now = new Date();
    if (mode.kind === 'edit') {
      if (current && current.text === mode.input.text) return readBrief(tx, campaign);
      const { edited, twinsInStep } = afterEdit(language, byLanguage);
      await tx
        .insert(briefTexts)
        .values({
          campaignId,
          sectionKey: key,
          language,
          text: mode.input.text,
          revision: edited.revision,
          basedOn: edited.basedOn,
          updatedAt: now,
          updatedBy: actor.id,
        })
        .onConflictDoUpdate({
          target: [briefTexts.campaignId, briefTexts.sectionKey, briefTexts.language],
          set: {
            text: mode.input.text,
            revision: edited.revision,
            basedOn: edited.basedOn,
            updatedAt: now,
            updatedBy: actor.id,
          },
        });
      for (const twin of twinsInStep) {
        const row = byLanguage[twin]!;
        await setBasedOn(tx, campaignId, key, twin, { ...row.basedOn, [language]: edited.revision });
      }
      await recordAuditEvent(tx, {
        actor,
        action: 'brief.text_edited',
        entityType: 'brief_section',
        entityId: `${campaignId}:${key}:${language}`,
        campaignId,
        before: current ? { text: current.text, revision: current.revision } : null,
        after: { text: mode.input.text, revision: edited.revision, twinsInStep },
      });
    } else {
      const against = staleAgainst(language, byLanguage);
      if (!current || against.length === 0) return readBrief(tx, campaign);
      const basedOn = { ...current.basedOn };
      for (const twin of against) basedOn[twin] = byLanguage[twin]!.revision;
      await setBasedOn(tx, campaignId, key, language, basedOn);
      await recordAuditEvent(tx, {
        actor,
        action: 'brief.translation_confirmed',
        entityType: 'brief_section',
        entityId: `${campaignId}:${key}:${language}`,
        campaignId,
        before: { staleAgainst: against },
        after: { staleAgainst: [] },
      });
    }
    const revision = await bumpBriefRevision(tx, campaignId);
    await publish(tx, `campaign:${campaignId}`, {
      type: mode.kind === 'edit' ? 'brief.text_edited' : 'brief.translation_confirmed',
      entityType: 'brief_section',
      entityId: key,
      data: { language, revision, by: actor.name },
    });
    return readBrief(tx, campaign);
  });
}
