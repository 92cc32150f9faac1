import type { Db } from '../../db/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { type Actor, isAdmin } from '../auth/policies.ts';
import { editSectionData } from '../briefs/edit-section-data.ts';
import { editSectionText } from '../briefs/edit-section-text.ts';
import { publishVersion } from '../briefs/publish-version.ts';
import { createCampaign } from '../campaigns/create-campaign.ts';
import { listCampaigns } from '../campaigns/find-campaign.ts';
import { generateAgreement, sendAgreement, signAgreement } from '../creators/agreements.ts';
import { giveFeedback, submitDraft } from '../creators/approvals.ts';
import { createEngagement, updateEngagement } from '../creators/engagements.ts';
import { createCreator } from '../creators/roster.ts';
import { decideEscalation, handOverEscalation, raiseEscalation } from '../escalations/index.ts';
import { createMeeting, recordDecision } from '../meetings/schedule-meeting.ts';
import { recordManualMetrics, setExchangeRates } from '../metrics/record-metrics.ts';
import { addComment } from '../tasks/discuss-task.ts';
import { createTask } from '../tasks/write-task.ts';
import { createMilestone } from '../timeline/milestones.ts';
import { createDemoTeam, presentDemoPeople } from './demo-team.ts';

const DEMO_NAME = 'Calm Mornings — RU + US launch';

/**
 * The Russia + US wellness launch from the design, as ordinary data made through the same
 * service functions as the UI (so every piece is audited and can be edited or deleted).
 */
export async function loadDemo(db: Db, actor: Actor, origin: string) {
  if (!isAdmin(actor)) throw forbidden();
  if ((await listCampaigns(db)).some((c) => c.name === DEMO_NAME)) {
    throw new AppError(409, 'demo_exists', 'error.demo_exists');
  }
  const campaign = await createCampaign(db, actor, {
    name: DEMO_NAME,
    brand: 'Northwind Wellness',
    launchWindowHours: 48,
    launchGraceMinutes: 60,
    markets: [
      {
        code: 'RU',
        name: 'Россия',
        language: 'ru',
        timeZone: 'Europe/Moscow',
        currency: 'RUB',
        objective: 'awareness',
      },
      {
        code: 'US',
        name: 'United States',
        language: 'en',
        timeZone: 'America/New_York',
        currency: 'USD',
        objective: 'conversion',
      },
    ],
  });
  const id = campaign.id;
  const team = await createDemoTeam(db, actor, origin);
  const { ruLead, usLead } = team;
  const text = async (key: string, en: string, ru: string) => {
    await editSectionText(db, actor, id, key, {
      kind: 'edit',
      input: { language: 'en', text: en, baseRevision: 0 },
    });
    await editSectionText(db, actor, id, key, {
      kind: 'edit',
      input: { language: 'ru', text: ru, baseRevision: 0 },
    });
  };
  await text(
    'objective',
    'One theme, two definitions of success: in Russia, reach wellness audiences; in the US, sell the Calm Mornings kit through creator promo codes.',
    'Одна тема, два определения успеха: в России — охват аудитории о здоровье; в США — продажи набора Calm Mornings по промокодам авторов.',
  );
  await text(
    'guardrails',
    'The morning ritual story, the product name and the claims stay the same everywhere. Music, setting and humour may vary.',
    'История утреннего ритуала, название продукта и заявления одинаковы везде. Музыка, обстановка и юмор могут отличаться.',
  );
  await text(
    'selection_criteria',
    'Audience fit first, then engagement and brand safety.',
    'Сначала соответствие аудитории, затем вовлечённость и безопасность бренда.',
  );
  await text(
    'timeline',
    'Both markets go live within 48 hours of each other.',
    'Оба рынка запускаются в пределах 48 часов друг от друга.',
  );
  await text(
    'measurement',
    'Russia: reach and engagement rate. US: orders and ROAS.',
    'Россия: охват и вовлечённость. США: заказы и ROAS.',
  );
  await text(
    'escalation',
    'Creative disputes: market lead within 24 h, then the brand manager.',
    'Творческие споры: лид рынка в течение 24 ч, затем бренд-менеджер.',
  );
  const data = (key: string, value: unknown) =>
    editSectionData(db, actor, id, key, { data: value, baseRevision: 0 });
  await data('objective', {
    markets: [
      {
        marketCode: 'RU',
        objective: 'awareness',
        success: { en: '2 M reach in 30 days', ru: '2 млн охвата за 30 дней' },
      },
      {
        marketCode: 'US',
        objective: 'conversion',
        success: { en: '3,000 kits sold', ru: '3 000 проданных наборов' },
      },
    ],
  });
  await data('guardrails', {
    items: [
      {
        id: 'claims',
        scope: 'fixed',
        text: { en: 'No medical claims', ru: 'Без медицинских заявлений' },
        marketNotes: {},
      },
      {
        id: 'setting',
        scope: 'may_vary',
        text: { en: 'Setting and music', ru: 'Обстановка и музыка' },
        marketNotes: { RU: { en: 'Dacha mornings welcome', ru: 'Утро на даче приветствуется' } },
      },
    ],
  });
  await data('selection_criteria', {
    criteria: [
      { id: 'fit', label: { en: 'Audience fit', ru: 'Соответствие аудитории' }, weight: 50 },
      { id: 'er', label: { en: 'Engagement rate', ru: 'Вовлечённость' }, weight: 30 },
      { id: 'safety', label: { en: 'Brand safety', ru: 'Безопасность бренда' }, weight: 20 },
    ],
  });
  await data('measurement', {
    markets: [
      {
        marketCode: 'RU',
        engagementRateBasis: 'reach',
        kpis: [
          { metric: 'reach', target: 2_000_000 },
          { metric: 'engagement_rate', target: 6 },
        ],
      },
      {
        marketCode: 'US',
        kpis: [
          { metric: 'orders', target: 3000 },
          { metric: 'roas', target: 2.5 },
        ],
      },
    ],
  });
  await data('escalation', {
    rules: [
      {
        id: 'creative',
        decision: { en: 'Creative dispute with a creator', ru: 'Творческий спор с автором' },
        deciderId: ruLead.actor.id,
        withinMinutes: 240,
        nextId: actor.id,
      },
      {
        id: 'launch',
        decision: { en: 'Launch-day emergency', ru: 'Экстренная ситуация в день запуска' },
        deciderId: usLead.actor.id,
        withinMinutes: 30,
        nextId: ruLead.actor.id,
      },
    ],
  });
  await publishVersion(db, actor, id, 'Kickoff version');

  // Go-lives on both sides of the US clock change of 8 March 2026.
  await createMilestone(db, actor, id, {
    title: 'RU go-live',
    kind: 'go_live',
    marketCode: 'RU',
    at: { local: '2026-03-07T18:00', timeZone: 'Europe/Moscow', disambiguation: 'reject' },
    confirmOutsideWindow: false,
  });
  await createMilestone(db, actor, id, {
    title: 'US go-live',
    kind: 'go_live',
    marketCode: 'US',
    at: { local: '2026-03-08T10:00', timeZone: 'America/New_York', disambiguation: 'reject' },
    confirmOutsideWindow: false,
  });
  await createMilestone(db, actor, id, {
    title: 'Drafts due',
    kind: 'deadline',
    marketCode: null,
    at: '2026-02-27T15:00:00Z',
    confirmOutsideWindow: false,
  });
  // Tasks around today: one due within the day, one overdue, one the admin was just handed.
  const now = Date.now();
  const hoursFromNow = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
  const taskIds: Record<string, string> = {};
  for (const [title, marketCode, status, owner, due] of [
    ['Approve RU scripts', 'RU', 'in_progress', ruLead.actor, hoursFromNow(20)],
    ['Send US full briefs', 'US', 'done', usLead.actor, hoursFromNow(-120)],
    ['Confirm Telegram posting slots', 'RU', 'blocked', ruLead.actor, hoursFromNow(-26)],
    ['Set up Shopify promo codes', 'US', 'in_review', usLead.actor, hoursFromNow(72)],
    ['Joint report template', null, 'todo', actor, hoursFromNow(14 * 24)],
  ] as const) {
    const task = await createTask(db, actor, id, {
      title,
      ownerId: owner.id,
      marketCode,
      status,
      dueAt: due,
      labels: ['demo'],
    });
    taskIds[title] = task.id;
  }
  // The US partner hands the admin a task: the admin's bell shows it.
  await createTask(db, usLead.actor, id, {
    title: 'Review the US creator shortlist',
    ownerId: actor.id,
    marketCode: 'US',
    status: 'todo',
    dueAt: hoursFromNow(48),
    labels: ['demo'],
  });
  await addComment(
    db,
    ruLead.actor,
    taskIds['Joint report template']!,
    `@${actor.name} для российской части отчёта нужен охват по каждому посту — добавим колонку? / Can we add a reach column per post for the RU half?`,
  );
  await setExchangeRates(db, actor, id, { baseCurrency: 'USD', rates: { RUB: 0.011 } });

  const roster = [
    ['Анна Смирнова', 'RU', 'ru', 'Europe/Moscow', 'telegram', 120_000, 'ANNA'],
    ['Мария Волкова', 'RU', 'ru', 'Europe/Moscow', 'vk', 340_000, 'MARIA'],
    ['Дмитрий Орлов', 'RU', 'ru', 'Asia/Yekaterinburg', 'youtube', 510_000, 'DIMA'],
    ['Jess Park', 'US', 'en', 'America/Los_Angeles', 'instagram', 250_000, 'JESS15'],
    ['Tom Reed', 'US', 'en', 'America/Chicago', 'tiktok', 45_000, 'TOM10'],
  ] as const;
  const statuses = ['tentative', 'in_production', 'shortlisted', 'approved', 'contacted'] as const;
  const engagementIds: string[] = [];
  for (const [
    i,
    [name, marketCode, language, timeZone, platform, followers, promoCode],
  ] of roster.entries()) {
    const creator = await createCreator(db, actor, {
      name,
      marketCode,
      language,
      timeZone,
      channels: [{ platform, handle: `@${promoCode.toLowerCase()}`, followers }],
      contact: {},
      notes: '',
      tags: ['wellness'],
    });
    const engagement = await createEngagement(db, actor, id, {
      creatorId: creator.id,
      deliverables: [
        {
          platform,
          format: platform === 'youtube' ? 'video' : 'post',
          count: 2,
          dueAt: '2026-03-05T12:00:00Z',
        },
      ],
      fee:
        marketCode === 'RU'
          ? { amount: 90_000 + i * 10_000, currency: 'RUB' }
          : { amount: 2_000, currency: 'USD' },
      promoCode,
      status: statuses[i] === 'approved' ? 'in_production' : statuses[i],
    });
    engagementIds.push(engagement.id);
    await updateEngagement(db, actor, engagement.id, {
      version: engagement.version,
      ratings: {
        fit: { score: 5 - (i % 3), note: '' },
        er: { score: 3 + (i % 2), note: '' },
        safety: { score: 4, note: '' },
      },
    });
    if (statuses[i] === 'approved') {
      const agreement = await generateAgreement(db, actor, engagement.id);
      await sendAgreement(db, actor, agreement.id);
      // Signed on paper and uploaded by the team: only the creator may sign in the portal.
      await signAgreement(db, actor, agreement.id, { method: 'uploaded_pdf', pdf: demoSignedPdf(name) });
      const draft = await submitDraft(db, actor, engagement.id, {
        url: 'https://example.com/draft-1',
        note: 'First cut',
      });
      await giveFeedback(db, actor, draft.id, { decision: 'approved', feedback: 'Lovely — approved.' });
    }
  }
  await recordManualMetrics(db, actor, engagementIds[0]!, {
    platform: 'telegram',
    postUrl: 'https://t.me/anna_wellness/101',
    measuredAt: '2026-03-14T12:00:00Z',
    reach: 86_000,
    views: 91_000,
    likes: 4_100,
    comments: 320,
    shares: 260,
    source: 'Telegram channel statistics (demo)',
  });
  const meeting = await createMeeting(db, actor, id, {
    title: 'Kickoff — RU + US',
    start: '2026-02-10T14:00:00Z',
    durationMinutes: 90,
    participantIds: [],
    externalParticipantIds: [],
    languages: ['ru', 'en'],
    interpreter: { needed: true, name: 'Irina' },
    agenda: {
      en: 'What "coordinated" means; timeline; creators',
      ru: 'Что значит «согласованно»; сроки; авторы',
    },
  });
  await recordDecision(db, actor, meeting.id, 'US creators get the full brief up front');

  // Escalations: one that ran out of time with the RU lead and now waits for the admin, one decided.
  const dmitry = engagementIds[2]!;
  // Raised and handed over in one transaction: the clock job of level 1 (already overdue) would
  // otherwise hand it over first and the explicit hand-over would then expire level 2.
  await db.transaction(async (tx) => {
    const raised = await raiseEscalation(
      tx,
      usLead.actor,
      id,
      {
        ruleId: 'creative',
        summary:
          'Dmitry wants to drop the product close-up from his video; the guardrails require it. Keep it or waive it for RU?',
        entityType: 'engagement',
        entityId: dmitry,
      },
      { now: new Date(now - 5 * 3_600_000) },
    );
    await handOverEscalation(tx, raised.id, { now: new Date(now - 3_600_000) });
  });
  const decided = await db.transaction((tx) =>
    raiseEscalation(
      tx,
      ruLead.actor,
      id,
      {
        ruleId: 'launch',
        summary: 'Telegram-канал Анны недоступен утром в день запуска — переносим пост во VK в то же время?',
        entityType: 'task',
        entityId: taskIds['Confirm Telegram posting slots']!,
      },
      // Still inside its 30 minutes when decided: an overdue one could be handed over by its clock
      // job before the decision below.
      { now: new Date(now - 20 * 60_000) },
    ),
  );
  await decideEscalation(
    db,
    usLead.actor,
    decided.id,
    { decision: 'Move the post to VK at the same time', note: 'Same caption; keep the promo code.' },
    { now: new Date(now - 15 * 60_000) },
  );
  return { campaignId: id, people: presentDemoPeople(team) };
}

/** A one-page PDF standing in for the scanned, signed contract. */
function demoSignedPdf(name: string): Buffer {
  const text = `Signed: ${name.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '')}`;
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
