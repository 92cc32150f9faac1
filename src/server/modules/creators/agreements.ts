import { and, desc, eq, ne } from 'drizzle-orm';
import { deliverableAmount } from '../../../shared/deliverable-format.ts';
import { isLocale, type Locale, translate } from '../../../shared/i18n/index.ts';
import { formatInZones } from '../../../shared/time/index.ts';
import type { Db, DbOrTx } from '../../db/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { escapeHtml } from '../../http/html.ts';
import { publish } from '../../realtime/index.ts';
import { recordAuditEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/policies.ts';
import { findCampaign } from '../campaigns/find-campaign.ts';
import { mayViewCampaign } from '../campaigns/policies.ts';
import { GATED } from './commitments.ts';
import { readDeliverables } from './deliverables.ts';
import { changeStatus, lockEngagement } from './engagements.ts';
import { policyFor } from './market-policies.ts';
import { assertAllowed, mayManageCreators, maySignAgreement, mayWriteCreator } from './policies.ts';
import { findCreator } from './roster.ts';
import { agreements, engagements } from './tables.ts';

type AgreementRow = typeof agreements.$inferSelect;

export function presentAgreement(row: AgreementRow) {
  return {
    id: row.id,
    engagementId: row.engagementId,
    version: row.version,
    language: row.language,
    body: row.body,
    terms: row.terms,
    status: row.status,
    sentAt: row.sentAt?.toISOString() ?? null,
    signedAt: row.signedAt?.toISOString() ?? null,
    signedName: row.signedName,
    signedIp: row.signedIp,
    signedMethod: row.signedMethod,
    hasSignedPdf: row.signedPdf !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Fills the agreement template of the creator's language with the engagement's terms. The
 * result is frozen in the agreement row: later edits to the engagement need a new version.
 */
async function renderAgreement(tx: DbOrTx, engagement: typeof engagements.$inferSelect, language: string) {
  const creator = await findCreator(tx, engagement.creatorId);
  const campaign = await findCampaign(tx, engagement.campaignId);
  const policy = await policyFor(tx, campaign.id, creator.marketCode);
  const locale: Locale = isLocale(language) ? language : 'en';
  const t = (key: Parameters<typeof translate>[1], values?: Parameters<typeof translate>[2]) =>
    translate(locale, key, values);
  const inCreatorZone = (iso: string | null) =>
    iso ? formatInZones(iso, [creator.timeZone], locale)[0]!.label : t('agreement.noDate');
  const fee = new Intl.NumberFormat(locale, { style: 'currency', currency: engagement.feeCurrency }).format(
    Number(engagement.feeAmount),
  );
  const terms = {
    campaign: campaign.name,
    brand: campaign.brand,
    creator: creator.name,
    market: creator.marketCode,
    timeZone: creator.timeZone,
    deliverables: (await readDeliverables(tx, engagement.id)).map((d) => ({
      ...d,
      dueLocal: d.dueAt ? inCreatorZone(d.dueAt) : null,
    })),
    goLiveFrom: engagement.goLiveFrom?.toISOString() ?? null,
    goLiveTo: engagement.goLiveTo?.toISOString() ?? null,
    fee: { amount: Number(engagement.feeAmount), currency: engagement.feeCurrency, formatted: fee },
    revisionRounds: policy.revisionRounds,
    feedbackTurnaroundHours: policy.feedbackTurnaroundHours,
    usageRights: engagement.usageRights,
    exclusivity: engagement.exclusivity,
    paymentTerms: engagement.paymentTerms,
  };
  const lines = [
    t('agreement.title', { campaign: campaign.name }),
    '',
    t('agreement.parties', { brand: campaign.brand, creator: creator.name }),
    '',
    `1. ${t('agreement.deliverables')}`,
    ...terms.deliverables.map((d) =>
      t('agreement.deliverableLine', {
        what: deliverableAmount(t, d.count, d.format),
        platform: d.platform,
        due: d.dueLocal ?? t('agreement.noDate'),
      }),
    ),
    '',
    `2. ${
      terms.goLiveFrom || terms.goLiveTo
        ? t('agreement.goLive', {
            from: inCreatorZone(terms.goLiveFrom),
            to: inCreatorZone(terms.goLiveTo),
            zone: creator.timeZone,
          })
        : t('agreement.goLiveTbd')
    }`,
    `3. ${t('agreement.fee', { fee })}`,
    `4. ${t('agreement.revisions', { rounds: policy.revisionRounds, hours: policy.feedbackTurnaroundHours })}`,
    `5. ${t('agreement.usageRights', { text: engagement.usageRights || t('agreement.notSpecified') })}`,
    `6. ${t('agreement.exclusivity', { text: engagement.exclusivity || t('agreement.notSpecified') })}`,
    `7. ${t('agreement.paymentTerms', { text: engagement.paymentTerms || t('agreement.notSpecified') })}`,
    '',
    t('agreement.acceptance'),
  ];
  return { body: lines.join('\n'), terms };
}

export async function generateAgreement(db: Db, actor: Actor, engagementId: string, language?: string) {
  if (!mayManageCreators(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const engagement = await lockEngagement(tx, engagementId);
    const creator = await findCreator(tx, engagement.creatorId);
    assertAllowed(actor, mayWriteCreator(actor, creator.marketCode), creator.marketCode);
    const lang = language ?? creator.language;
    const { body, terms } = await renderAgreement(tx, engagement, lang);
    const [last] = await tx
      .select({ version: agreements.version })
      .from(agreements)
      .where(eq(agreements.engagementId, engagementId))
      .orderBy(desc(agreements.version))
      .limit(1);
    // Earlier unsigned versions are superseded; a signed one stays as it was signed.
    await tx
      .update(agreements)
      .set({ status: 'superseded' })
      .where(
        and(
          eq(agreements.engagementId, engagementId),
          ne(agreements.status, 'signed'),
          ne(agreements.status, 'superseded'),
        ),
      );
    const [row] = await tx
      .insert(agreements)
      .values({
        engagementId,
        version: (last?.version ?? 0) + 1,
        language: lang,
        body,
        terms,
        createdBy: actor.id,
      })
      .returning();
    await recordAuditEvent(tx, {
      actor,
      action: 'agreement.generated',
      entityType: 'agreement',
      entityId: row!.id,
      campaignId: engagement.campaignId,
      after: { engagementId, version: row!.version, language: lang, terms },
    });
    await publish(tx, `campaign:${engagement.campaignId}`, {
      type: 'agreement.generated',
      entityType: 'agreement',
      entityId: row!.id,
    });
    return presentAgreement(row!);
  });
}

/** Checks a rule against the creator (and market) an agreement belongs to. */
async function assertAgreementMarket(
  tx: DbOrTx,
  actor: Actor,
  row: AgreementRow,
  rule: (marketCode: string, creator: { marketCode: string; userId: string | null }) => boolean,
) {
  const [engagement] = await tx
    .select({ creatorId: engagements.creatorId })
    .from(engagements)
    .where(eq(engagements.id, row.engagementId));
  if (!engagement) throw notFound();
  const creator = await findCreator(tx, engagement.creatorId);
  assertAllowed(actor, rule(creator.marketCode, creator), creator.marketCode);
}

async function lockAgreement(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(agreements).where(eq(agreements.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

/** `now`: when it was sent (the demo tells a story that happened over weeks). */
export async function sendAgreement(db: Db, actor: Actor, id: string, options: { now?: Date } = {}) {
  if (!mayManageCreators(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const row = await lockAgreement(tx, id);
    await assertAgreementMarket(tx, actor, row, (code) => mayWriteCreator(actor, code));
    if (row.status === 'signed') throw new AppError(409, 'agreement_signed', 'error.agreement_signed');
    if (row.status === 'superseded') throw notFound();
    const [sent] = await tx
      .update(agreements)
      .set({ status: 'sent', sentAt: options.now ?? new Date() })
      .where(eq(agreements.id, id))
      .returning();
    const engagement = await lockEngagement(tx, row.engagementId);
    // An engagement let into production by an override stays where it is: the paper catches up.
    if (!GATED.includes(engagement.status)) {
      await changeStatus(tx, actor, engagement, 'agreement_sent', null, {
        code: 'agreement_sent',
        version: row.version,
      });
    }
    await recordAuditEvent(tx, {
      actor,
      action: 'agreement.sent',
      entityType: 'agreement',
      entityId: id,
      campaignId: engagement.campaignId,
    });
    return presentAgreement(sent!);
  });
}

/** Signs a sent agreement: by the creator in the portal (typed name, time, IP) or by an uploaded signed PDF. */
export async function signAgreement(
  db: Db,
  actor: Actor,
  id: string,
  signature: { method: 'portal'; fullName: string; ip: string } | { method: 'uploaded_pdf'; pdf: Buffer },
  options: { now?: Date } = {},
) {
  return db.transaction(async (tx) => {
    const row = await lockAgreement(tx, id);
    await assertAgreementMarket(tx, actor, row, (_code, creator) =>
      maySignAgreement(actor, creator, signature.method),
    );
    if (row.status === 'signed') throw new AppError(409, 'agreement_signed', 'error.agreement_signed');
    if (row.status !== 'sent') throw new AppError(409, 'agreement_not_sent', 'error.agreement_not_sent');
    const now = options.now ?? new Date();
    const [signed] = await tx
      .update(agreements)
      .set(
        signature.method === 'portal'
          ? {
              status: 'signed',
              signedAt: now,
              signedMethod: 'portal',
              signedName: signature.fullName,
              signedIp: signature.ip,
            }
          : {
              status: 'signed',
              signedAt: now,
              signedMethod: 'uploaded_pdf',
              signedName: actor.name,
              signedPdf: signature.pdf,
            },
      )
      .where(eq(agreements.id, id))
      .returning();
    const engagement = await lockEngagement(tx, row.engagementId);
    if (!GATED.includes(engagement.status)) {
      await changeStatus(tx, actor, engagement, 'signed', null, {
        code: 'agreement_signed',
        version: row.version,
        method: signature.method,
      });
    }
    await recordAuditEvent(tx, {
      actor,
      action: 'agreement.signed',
      entityType: 'agreement',
      entityId: id,
      campaignId: engagement.campaignId,
      after: {
        method: signature.method,
        signedAt: now.toISOString(),
        ...(signature.method === 'portal'
          ? { fullName: signature.fullName, ip: signature.ip }
          : { pdfBytes: signature.pdf.length }),
      },
    });
    return presentAgreement(signed!);
  });
}

export async function findAgreement(db: DbOrTx, id: string) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (!row) throw notFound();
  return row;
}

export async function agreementsOf(db: DbOrTx, actor: Actor, engagementId: string) {
  if (!mayViewCampaign(actor)) throw forbidden();
  const rows = await db
    .select()
    .from(agreements)
    .where(eq(agreements.engagementId, engagementId))
    .orderBy(desc(agreements.version));
  return rows.map(presentAgreement);
}

/** A print-ready page of the agreement in its own language (print to PDF from the browser). */
export function agreementPrintPage(row: AgreementRow): string {
  const locale: Locale = isLocale(row.language) ? row.language : 'en';
  const signature = row.signedAt
    ? translate(locale, 'agreement.signedLine', {
        name: row.signedName ?? '',
        date: row.signedAt,
        method: translate(
          locale,
          row.signedMethod === 'portal' ? 'agreement.method.portal' : 'agreement.method.uploaded_pdf',
        ),
      })
    : translate(locale, 'agreement.unsigned');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(row.body.split('\n')[0] ?? '')} v${row.version}</title>
<style>body{font:11pt/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1.5rem;color:#1d2230}pre{white-space:pre-wrap;font:inherit}.sig{margin-top:2rem;border-top:1px solid #ccc;padding-top:.75rem}@media print{body{margin:0}}</style>
</head><body><pre>${escapeHtml(row.body)}</pre><p class="sig">${escapeHtml(signature)} · v${row.version}</p></body></html>`;
}
