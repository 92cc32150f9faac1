import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/index.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { type Actor, isAdmin } from '../auth/policies.ts';
import { acknowledgeVersion } from '../briefs/acknowledge-version.ts';
import { editSectionData } from '../briefs/edit-section-data.ts';
import { editSectionText } from '../briefs/edit-section-text.ts';
import { publishVersion } from '../briefs/publish-version.ts';
import { briefAcknowledgements, briefVersions } from '../briefs/tables.ts';
import { createCampaign } from '../campaigns/create-campaign.ts';
import { listCampaigns } from '../campaigns/find-campaign.ts';
import { generateAgreement, sendAgreement, signAgreement } from '../creators/agreements.ts';
import { giveFeedback, submitDraft } from '../creators/approvals.ts';
import { createEngagement, updateEngagement } from '../creators/engagements.ts';
import { setCampaignPolicy } from '../creators/market-policies.ts';
import { createCreator } from '../creators/roster.ts';
import { engagements, submissions } from '../creators/tables.ts';
import { decideEscalation, handOverEscalation, raiseEscalation } from '../escalations/index.ts';
import { createMeeting, recordDecision } from '../meetings/schedule-meeting.ts';
import { createExternalParticipant } from '../meetings/working-hours.ts';
import type { ImportFiles } from '../metrics/import-files.ts';
import { setExchangeRates } from '../metrics/record-metrics.ts';
import { findImport, receiveImport } from '../metrics/run-import.ts';
import { addComment } from '../tasks/discuss-task.ts';
import { tasks } from '../tasks/tables.ts';
import { createTask } from '../tasks/write-task.ts';
import { createMilestone } from '../timeline/milestones.ts';
import { createDemoCreatorLogin, createDemoTeam, type DemoPerson, presentDemoPeople } from './demo-team.ts';

const DEMO_NAME = 'Calm Mornings — RU + US launch';

/**
 * The Russia + US wellness launch from the design, as ordinary data made through the same
 * service functions as the UI (so every piece is audited and can be edited or deleted).
 *
 * Texts with one field (task, milestone and meeting titles, policy notes, comments) are written
 * the way a bilingual team writes them: both languages, the language of the market that works on
 * it first ("Русский / English" for RU, "English / Русский" for US and joint items), so either
 * team reads every card. Texts the app keeps per language (the brief) have both versions.
 */
export async function loadDemo(db: Db, actor: Actor, origin: string, files: ImportFiles) {
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
  // Each market's rules for creators, written down by its lead (the workspace defaults' figures).
  await setCampaignPolicy(db, ruLead.actor, id, 'RU', {
    revisionRounds: 3,
    feedbackTurnaroundHours: 24,
    briefingStyle: 'iterative',
    communicationNotes:
      'Быстрая обратная связь и несколько раундов правок — норма. «Да» в чате может значить «может быть»: подтверждаем письменно. / Quick feedback and several revision rounds are normal. A "yes" in chat may mean "maybe": confirm in writing.',
  });
  await setCampaignPolicy(db, usLead.actor, id, 'US', {
    revisionRounds: 1,
    feedbackTurnaroundHours: 48,
    briefingStyle: 'full_upfront',
    communicationNotes:
      'Send the full brief up front; expect few revisions and a firm yes or no. / Полный бриф сразу; правок мало, ответ — твёрдое «да» или «нет».',
  });
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
  await publishVersion(db, actor, id, 'Kickoff version / Версия для старта');
  await acknowledgeVersion(db, ruLead.actor, id, 1);
  await acknowledgeVersion(db, usLead.actor, id, 1);
  // After kickoff the English timeline gained the go-live dates and v2 went out before the Russian
  // text caught up: the brief shows a stale translation.
  await editSectionText(db, actor, id, 'timeline', {
    kind: 'edit',
    input: {
      language: 'en',
      text: 'The US goes live first (yesterday, New York morning), Russia the next evening Moscow time: both within 48 hours of each other.',
      baseRevision: 1,
    },
  });
  await publishVersion(db, actor, id, 'Go-live dates / Даты запуска');

  // Launch day, relative to the moment the demo is loaded: the US went live yesterday, Russia was
  // due three hours ago and nothing is out yet (a late market), the joint report in two weeks.
  const now = Date.now();
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const onTheHour = (offset: number) => new Date(Math.floor((now + offset) / HOUR) * HOUR);
  const ago = (offset: number) => new Date(now - offset);
  const usGoLive = onTheHour(-26 * HOUR);
  const ruGoLive = onTheHour(-3 * HOUR);
  await createMilestone(db, actor, id, {
    title: 'US go-live / Запуск в США',
    kind: 'go_live',
    marketCode: 'US',
    at: usGoLive.toISOString(),
    confirmOutsideWindow: false,
  });
  await createMilestone(db, actor, id, {
    title: 'Выход в России / RU go-live',
    kind: 'go_live',
    marketCode: 'RU',
    at: ruGoLive.toISOString(),
    confirmOutsideWindow: false,
  });
  await createMilestone(db, actor, id, {
    title: 'Drafts due / Срок черновиков',
    kind: 'deadline',
    marketCode: null,
    at: onTheHour(-5 * DAY).toISOString(),
    confirmOutsideWindow: false,
  });
  await createMilestone(db, actor, id, {
    title: 'Joint report / Общий отчёт',
    kind: 'review',
    marketCode: null,
    at: onTheHour(14 * DAY).toISOString(),
    confirmOutsideWindow: false,
  });
  // Tasks around today: some finished late, one overdue, one the admin was just handed.
  const hoursFromNow = (hours: number) => new Date(now + hours * HOUR).toISOString();
  const taskIds: Record<string, string> = {};
  const doneAt: Array<[string, Date]> = [];
  for (const [title, marketCode, status, owner, due, finished] of [
    ['Утвердить сценарии Дмитрия / Approve Dmitry’s script', 'RU', 'in_progress', ruLead.actor, 20, null],
    ['Send US full briefs / Отправить полные брифы в США', 'US', 'done', usLead.actor, -12 * 24, -11.5 * 24],
    ['Забронировать студию в Москве / Book the Moscow studio', 'RU', 'done', ruLead.actor, -8 * 24, -6 * 24],
    [
      'Подтвердить слоты в Telegram / Confirm Telegram posting slots',
      'RU',
      'blocked',
      ruLead.actor,
      -26,
      null,
    ],
    [
      'Set up Shopify promo codes / Настроить промокоды Shopify',
      'US',
      'done',
      usLead.actor,
      -3 * 24,
      -4 * 24,
    ],
    ['Joint report template / Шаблон общего отчёта', null, 'todo', actor, 14 * 24, null],
  ] as const) {
    const task = await createTask(db, actor, id, {
      title,
      ownerId: owner.id,
      marketCode,
      status,
      dueAt: hoursFromNow(due),
      labels: ['demo'],
    });
    taskIds[title] = task.id;
    if (finished !== null) doneAt.push([task.id, new Date(now + finished * HOUR)]);
  }
  // The US partner hands the admin a task: the admin's bell shows it.
  await createTask(db, usLead.actor, id, {
    title: 'Review the US creator shortlist / Проверить шорт-лист авторов США',
    ownerId: actor.id,
    marketCode: 'US',
    status: 'todo',
    dueAt: hoursFromNow(48),
    labels: ['demo'],
  });
  await addComment(
    db,
    ruLead.actor,
    taskIds['Joint report template / Шаблон общего отчёта']!,
    `@${actor.name} для российской части отчёта нужен охват по каждому посту — добавим колонку? / Can we add a reach column per post for the RU half?`,
  );
  await setExchangeRates(db, actor, id, { baseCurrency: 'USD', rates: { RUB: 0.011 } });

  // Who each creator is in the story: a Russian "yes" that is still a maybe, a signed creator
  // ready but not posted, one let into production unsigned (an audited override), and two US
  // creators who went live (one on time, one late).
  type Plan = {
    name: string;
    marketCode: 'RU' | 'US';
    language: 'ru' | 'en';
    timeZone: string;
    platform: 'telegram' | 'vk' | 'youtube' | 'instagram' | 'tiktok';
    followers: number;
    promoCode: string;
    respondBy: Date;
    /** When the signed agreement came back (null: never). */
    signedAt: Date | null;
    /** Draft submitted and answered (hours the team took). */
    draft: { at: Date; answeredAfterHours: number } | null;
    postedAt: Date | null;
    override?: string;
    status: 'tentative' | 'contacted' | 'shortlisted';
    /** The creator's portal sign-in (e-mail local part); none for a "maybe" still unsigned. */
    portal: string | null;
  };
  const plans: Plan[] = [
    {
      name: 'Анна Смирнова',
      marketCode: 'RU',
      language: 'ru',
      timeZone: 'Europe/Moscow',
      platform: 'telegram',
      followers: 120_000,
      promoCode: 'ANNA',
      portal: null,
      respondBy: ago(2 * DAY),
      signedAt: null,
      draft: null,
      postedAt: null,
      status: 'tentative',
    },
    {
      name: 'Мария Волкова',
      marketCode: 'RU',
      language: 'ru',
      timeZone: 'Europe/Moscow',
      platform: 'vk',
      followers: 340_000,
      promoCode: 'MARIA',
      portal: 'maria',
      respondBy: ago(12 * DAY),
      signedAt: ago(12.5 * DAY),
      // The RU promise is 24 h; this answer took 46.
      draft: { at: ago(4 * DAY), answeredAfterHours: 46 },
      postedAt: null,
      status: 'contacted',
    },
    {
      name: 'Дмитрий Орлов',
      marketCode: 'RU',
      language: 'ru',
      timeZone: 'Asia/Yekaterinburg',
      platform: 'youtube',
      followers: 510_000,
      promoCode: 'DIMA',
      portal: 'dmitry',
      respondBy: ago(6 * DAY),
      signedAt: null,
      draft: null,
      postedAt: null,
      override:
        'Дмитрий подтвердил в Telegram, договор у юристов; съёмка не ждёт. / Confirmed in Telegram, contract is with legal; the shoot cannot wait.',
      status: 'shortlisted',
    },
    {
      name: 'Jess Park',
      marketCode: 'US',
      language: 'en',
      timeZone: 'America/Los_Angeles',
      platform: 'instagram',
      followers: 250_000,
      promoCode: 'JESS15',
      portal: 'jess',
      // Signed two days after the date she was asked to answer by.
      respondBy: ago(16 * DAY),
      signedAt: ago(14 * DAY),
      draft: { at: ago(6 * DAY), answeredAfterHours: 20 },
      postedAt: new Date(usGoLive.getTime() + 7 * 60_000),
      status: 'contacted',
    },
    {
      name: 'Tom Reed',
      marketCode: 'US',
      language: 'en',
      timeZone: 'America/Chicago',
      platform: 'tiktok',
      followers: 45_000,
      promoCode: 'TOM10',
      portal: 'tom',
      respondBy: ago(15 * DAY),
      signedAt: ago(15.5 * DAY),
      draft: { at: ago(5 * DAY), answeredAfterHours: 30 },
      postedAt: new Date(usGoLive.getTime() + 3 * HOUR + 40 * 60_000),
      status: 'contacted',
    },
  ];
  const engagementIds: string[] = [];
  /** The creators' portal accounts: those with an agreement or in production. */
  const creatorLogins: DemoPerson[] = [];
  /** The US creators' recorded posts: the post-metrics and orders exports follow them. */
  const livePosts: LivePost[] = [];
  const history: DemoHistory = { doneAt, drafts: [], acknowledgedAt: [] };
  for (const [i, plan] of plans.entries()) {
    const creator = await createCreator(db, actor, {
      name: plan.name,
      marketCode: plan.marketCode,
      language: plan.language,
      timeZone: plan.timeZone,
      channels: [
        { platform: plan.platform, handle: `@${plan.promoCode.toLowerCase()}`, followers: plan.followers },
      ],
      contact: {},
      notes: '',
      tags: ['wellness'],
    });
    const engagement = await createEngagement(db, actor, id, {
      creatorId: creator.id,
      deliverables: [
        {
          platform: plan.platform,
          format: plan.platform === 'youtube' ? 'video' : 'post',
          count: 2,
          dueAt: onTheHour(-2 * DAY).toISOString(),
        },
      ],
      fee:
        plan.marketCode === 'RU'
          ? { amount: 90_000 + i * 10_000, currency: 'RUB' }
          : { amount: 2_000, currency: 'USD' },
      promoCode: plan.promoCode,
      respondBy: plan.respondBy.toISOString(),
      ...(plan.override
        ? { status: 'in_production' as const, override: { reason: plan.override } }
        : { status: plan.status }),
    });
    engagementIds.push(engagement.id);
    if (plan.portal) {
      creatorLogins.push(
        await createDemoCreatorLogin(db, actor, origin, team.suffix, {
          key: plan.portal,
          name: plan.name,
          creatorId: creator.id,
          campaignId: id,
          marketCode: plan.marketCode,
          locale: plan.language,
          timeZone: plan.timeZone,
        }),
      );
    }
    let version = (
      await updateEngagement(db, actor, engagement.id, {
        version: engagement.version,
        ratings: {
          fit: { score: 5 - (i % 3), note: '' },
          er: { score: 3 + (i % 2), note: '' },
          safety: { score: 4, note: '' },
        },
      })
    ).version;
    if (plan.signedAt) {
      const agreement = await generateAgreement(db, actor, engagement.id);
      await sendAgreement(db, actor, agreement.id, { now: new Date(plan.signedAt.getTime() - DAY) });
      // Signed on paper and uploaded by the team: only the creator may sign in the portal.
      await signAgreement(
        db,
        actor,
        agreement.id,
        { method: 'uploaded_pdf', pdf: demoSignedPdf(plan.name) },
        { now: plan.signedAt },
      );
    }
    if (plan.draft) {
      const draft = await submitDraft(db, actor, engagement.id, {
        url: `https://example.com/${plan.promoCode.toLowerCase()}/draft-1`,
        note: plan.language === 'ru' ? 'Первая версия' : 'First cut',
      });
      await giveFeedback(db, actor, draft.id, {
        decision: 'approved',
        feedback: plan.language === 'ru' ? 'Отлично — утверждено.' : 'Lovely — approved.',
      });
      history.drafts.push([draft.id, plan.draft.at, plan.draft.answeredAfterHours]);
    }
    if (plan.postedAt) {
      const current = await db
        .select({ version: engagements.version })
        .from(engagements)
        .where(eq(engagements.id, engagement.id));
      version = current[0]!.version;
      const postUrl = `https://www.${plan.platform}.com/${plan.promoCode.toLowerCase()}/calm-mornings`;
      await updateEngagement(db, actor, engagement.id, {
        version,
        status: 'live',
        postUrl,
        postedAt: plan.postedAt.toISOString(),
      });
      livePosts.push({
        name: plan.name,
        promoCode: plan.promoCode,
        platform: plan.platform,
        followers: plan.followers,
        postedAt: plan.postedAt,
        postUrl,
      });
    }
  }
  history.acknowledgedAt.push([ruLead.actor.id, ago(20.5 * DAY)], [usLead.actor.id, ago(18 * DAY)]);
  await backdateDemo(db, id, history, { 1: ago(21 * DAY), 2: ago(2 * DAY) });
  // The measurement of the live posts and the orders their promo codes brought, uploaded by the US
  // partner as the exports they are (the same import code as any upload).
  await importDemoExports(db, usLead.actor, id, files, livePosts, now);

  const interpreter = await createExternalParticipant(db, actor, {
    name: 'Ольга Петрова (Olga Petrova)',
    kind: 'interpreter',
    language: 'ru',
    timeZone: 'Europe/Moscow',
    workStart: '09:00',
    workEnd: '20:00',
  });
  const meeting = await createMeeting(db, actor, id, {
    title: 'Kickoff — RU + US / Стартовая встреча',
    start: onTheHour(-21 * DAY).toISOString(),
    durationMinutes: 90,
    participantIds: [ruLead.actor.id, usLead.actor.id, team.stakeholder.actor.id],
    externalParticipantIds: [interpreter.id],
    languages: ['ru', 'en'],
    interpreter: { needed: true, name: 'Ольга Петрова (Olga Petrova)' },
    agenda: {
      en: 'What "coordinated" means; timeline; creators',
      ru: 'Что значит «согласованно»; сроки; авторы',
    },
  });
  await recordDecision(
    db,
    actor,
    meeting.id,
    'US creators get the full brief up front / Авторы в США получают полный бриф сразу',
  );

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
          'Dmitry wants to drop the product close-up from his video; the guardrails require it. Keep it or waive it for RU? / Дмитрий хочет убрать крупный план продукта из видео, а рамки его требуют. Оставляем или делаем исключение для России?',
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
        summary:
          'Telegram-канал Анны недоступен утром в день запуска — переносим пост во VK в то же время? / Anna’s Telegram channel is down on launch morning: move the post to VK at the same time?',
        entityType: 'task',
        entityId: taskIds['Подтвердить слоты в Telegram / Confirm Telegram posting slots']!,
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
    {
      decision: 'Move the post to VK at the same time / Переносим пост во VK на то же время',
      note: 'Same caption; keep the promo code. / Тот же текст, промокод сохраняем.',
    },
    { now: new Date(now - 15 * 60_000) },
  );
  return {
    campaignId: id,
    people: presentDemoPeople([team.ruLead, team.usLead, team.stakeholder, ...creatorLogins]),
  };
}

interface LivePost {
  name: string;
  promoCode: string;
  platform: string;
  followers: number;
  postedAt: Date;
  postUrl: string;
}

/** How each live post did by the time the demo is loaded (share of followers, and orders). */
const POST_RESULTS: Record<string, { reach: number; views: number; ctr: number; orders: number }> = {
  // Instagram: a large following, a steady post.
  instagram: { reach: 0.34, views: 0.41, ctr: 0.012, orders: 31 },
  // TikTok: a small following, the video travelled beyond it.
  tiktok: { reach: 2.6, views: 3.9, ctr: 0.008, orders: 12 },
};
const KIT_PRICE = 48;

/**
 * The two exports a US partner uploads a day after go-live: the platforms' post metrics (two
 * readings per post) and Shopify's orders export, whose discount codes are the creators' promo
 * codes. Both go through the real import (parsing, matching, audit); the demo waits for them.
 * Every reading and order falls between the creator's recorded post and the moment of loading.
 */
async function importDemoExports(
  db: Db,
  actor: Actor,
  campaignId: string,
  files: ImportFiles,
  posts: LivePost[],
  now: number,
) {
  const metrics = [
    'promo_code,platform,post_url,posted_at,measured_at,reach,impressions,views,likes,comments,shares,saves,clicks',
  ];
  const orderRows = [
    'Name,Email,Financial Status,Currency,Subtotal,Discount Code,Discount Amount,Total,Created at,Lineitem quantity,Lineitem name',
  ];
  let orderNumber = 1001;
  const shopifyTime = (ms: number) => {
    // Shopify writes the shop's local time with its offset: "2026-03-05 10:15:00 -0500".
    const local = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO('America/New_York');
    const wall = local.toPlainDateTime().toString({ smallestUnit: 'second' }).replace('T', ' ');
    return `${wall} ${local.offset.replace(':', '')}`;
  };
  const addOrder = (at: number, code: string, percentOff: number, kits: number, extra: boolean) => {
    const subtotal = kits * KIT_PRICE + (extra ? 18 : 0);
    const discount = Math.round(subtotal * percentOff) / 100;
    const total = (subtotal - discount).toFixed(2);
    const head = `#${orderNumber},buyer${orderNumber}@example.com,paid,USD,${subtotal.toFixed(2)},${code},${discount.toFixed(2)},${total},${shopifyTime(at)}`;
    orderRows.push(`${head},${kits},Calm Mornings kit`);
    if (extra) orderRows.push(`#${orderNumber},,,,,,,,,1,Morning tea refill`);
    orderNumber += 1;
  };
  for (const post of posts) {
    const result = POST_RESULTS[post.platform] ?? POST_RESULTS.instagram!;
    const since = post.postedAt.getTime();
    const reading = (share: number, at: number) => {
      const of = (ratio: number) => Math.round(post.followers * ratio * share);
      metrics.push(
        [
          post.promoCode,
          post.platform,
          post.postUrl,
          post.postedAt.toISOString(),
          new Date(at).toISOString(),
          of(result.reach),
          of(result.reach * 1.35),
          of(result.views),
          of(result.views * 0.052),
          of(result.views * 0.0041),
          of(result.views * 0.0023),
          of(result.views * 0.0031),
          of(result.reach * result.ctr),
        ].join(','),
      );
    };
    // Six hours after the post, and an hour before the demo was loaded.
    reading(0.55, since + 6 * 3_600_000);
    reading(1, now - 3_600_000);
    const percentOff = Number(post.promoCode.replace(/\D/g, '')) || 10;
    const span = now - 10 * 60_000 - (since + 20 * 60_000);
    for (let i = 0; i < result.orders; i++) {
      const at = since + 20 * 60_000 + Math.round((span * (i + 0.5)) / result.orders);
      addOrder(at, post.promoCode, percentOff, i % 4 === 3 ? 2 : 1, i % 5 === 2);
    }
  }
  // Orders no creator brought (no code, or the shop's own newsletter code): not attributed.
  addOrder(now - 5 * 3_600_000, '', 0, 1, false);
  addOrder(now - 2 * 3_600_000, 'WELCOME5', 5, 1, true);

  for (const [format, fileName, csv] of [
    ['post-metrics', 'us-post-metrics.csv', metrics],
    ['shopify-orders', 'orders_export.csv', orderRows],
  ] as const) {
    const { id } = await receiveImport(
      db,
      actor,
      campaignId,
      format,
      Readable.from([Buffer.from(`${csv.join('\n')}\n`, 'utf8')]),
      { fileName },
      files,
    );
    await files.settled(id);
    const done = await findImport(db, actor, id);
    if (done.status !== 'completed' || done.rowsRejected > 0) {
      throw new Error(`demo ${format} import ${done.status}: ${JSON.stringify(done.errors)} ${done.failure}`);
    }
  }
}

interface DemoHistory {
  /** Task id → when it was done. */
  doneAt: Array<[string, Date]>;
  /** Submission id → when it was submitted, and how many hours the team took to answer. */
  drafts: Array<[string, Date, number]>;
  /** User id → when they acknowledged brief version 1. */
  acknowledgedAt: Array<[string, Date]>;
}

/**
 * The services stamp everything with the moment it happens, so a demo made in one second would
 * have no history. These columns are moved back to when the story says things happened, so the
 * retrospective, the turnaround figures and "finished late" read true. The audit log keeps the
 * real moment the demo was loaded: it is append-only.
 */
async function backdateDemo(
  db: Db,
  campaignId: string,
  history: DemoHistory,
  publishedAt: Record<number, Date>,
) {
  await db.transaction(async (tx) => {
    for (const [taskId, at] of history.doneAt) {
      await tx.update(tasks).set({ doneAt: at }).where(eq(tasks.id, taskId));
    }
    for (const [submissionId, at, answeredAfterHours] of history.drafts) {
      // The due time keeps the market's turnaround: it moves with the submission.
      await tx
        .update(submissions)
        .set({
          submittedAt: at,
          feedbackDueAt: sql`${at.toISOString()}::timestamptz + (${submissions.feedbackDueAt} - ${submissions.submittedAt})`,
          feedbackAt: new Date(at.getTime() + answeredAfterHours * 3_600_000),
        })
        .where(eq(submissions.id, submissionId));
    }
    for (const [version, at] of Object.entries(publishedAt)) {
      await tx
        .update(briefVersions)
        .set({ publishedAt: at })
        .where(and(eq(briefVersions.campaignId, campaignId), eq(briefVersions.number, Number(version))));
    }
    for (const [userId, at] of history.acknowledgedAt) {
      await tx
        .update(briefAcknowledgements)
        .set({ acknowledgedAt: at })
        .where(
          and(
            eq(briefAcknowledgements.campaignId, campaignId),
            eq(briefAcknowledgements.version, 1),
            eq(briefAcknowledgements.userId, userId),
          ),
        );
    }
  });
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
