import { z } from 'zod';
import { instant, instantInput } from '../../http/instant.ts';
import { timeZone } from '../auth/schema.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const dayHours = z
  .strictObject({ start: hhmm, end: hhmm })
  .refine((d) => d.end > d.start, { message: 'hours_end_before_start' });
export const weeklyHours = z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), dayHours);

export const setWorkingHoursBody = z.strictObject({ hours: weeklyHours });

export const externalParticipantBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: z.email().optional(),
  kind: z.enum(['creator', 'stakeholder', 'interpreter', 'other']).default('other'),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .default('en'),
  timeZone,
  workStart: hhmm.default('09:00'),
  workEnd: hhmm.default('18:00'),
  hours: weeklyHours.optional(),
});

export const participantRef = z.union([
  z.strictObject({ userId: z.uuid() }),
  z.strictObject({ externalId: z.uuid() }),
  z.strictObject({
    name: z.string().max(120).optional(),
    timeZone,
    workStart: hhmm.default('09:00'),
    workEnd: hhmm.default('18:00'),
    /** ISO weekdays worked (1 = Monday); default Monday–Friday. */
    days: z.array(z.number().int().min(1).max(7)).max(7).optional(),
  }),
]);

export const slotsBody = z
  .strictObject({
    participants: z.array(participantRef).min(1).max(100),
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(8 * 60),
    from: instant,
    to: instant,
    stepMinutes: z.number().int().min(5).max(240).default(30),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .refine((b) => Date.parse(b.to) > Date.parse(b.from), { message: 'range_end_before_start', path: ['to'] })
  .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= 62 * 86_400_000, {
    message: 'range_too_long',
    path: ['to'],
  });

const languages = z
  .array(z.string().regex(/^[a-z]{2}$/))
  .min(1)
  .max(6);
const interpreter = z.strictObject({ needed: z.boolean(), name: z.string().max(120).optional() });
const agenda = z.record(z.string().regex(/^[a-z]{2}$/), z.string().max(20_000));

export const createMeetingBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  start: instantInput,
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(8 * 60),
  participantIds: z.array(z.uuid()).max(100).default([]),
  externalParticipantIds: z.array(z.uuid()).max(100).default([]),
  languages: languages.default(['en']),
  interpreter: interpreter.optional(),
  agenda: agenda.default({}),
});

export const updateMeetingBody = z.strictObject({
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(200).optional(),
  start: instantInput.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(8 * 60)
    .optional(),
  participantIds: z.array(z.uuid()).max(100).optional(),
  externalParticipantIds: z.array(z.uuid()).max(100).optional(),
  languages: languages.optional(),
  interpreter: interpreter.optional(),
  agenda: agenda.optional(),
  notes: z.string().max(50_000).optional(),
});

export const decisionBody = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export const decisionToTaskBody = z.strictObject({
  ownerId: z.uuid(),
  marketCode: z
    .string()
    .regex(/^[A-Z]{2,8}$/)
    .nullable()
    .optional(),
  dueAt: instantInput.nullable().optional(),
});
export const icsQuery = z.strictObject({
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
});
export const meetingParams = z.strictObject({ id: z.uuid() });

// Responses, following presentMeeting and the external participants' rows.

export const externalParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  kind: z.enum(['creator', 'stakeholder', 'interpreter', 'other']),
  language: z.string(),
  timeZone: z.string(),
  hours: weeklyHours,
});
export const externalParticipantListSchema = z.object({ participants: z.array(externalParticipantSchema) });

export const decisionSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** The task the decision became, if it did. */
  taskId: z.string().nullable(),
  createdAt: z.string(),
});

export const meetingSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  durationMinutes: z.number(),
  languages: z.array(z.string()),
  interpreter: z.object({ needed: z.boolean(), name: z.string().nullable() }),
  agenda: z.record(z.string(), z.string()),
  notes: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  /** The invitation's UID and SEQUENCE (.ics). */
  uid: z.string(),
  sequence: z.number(),
  version: z.number(),
  organizer: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  participants: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(['user', 'external']),
      id: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      language: z.string(),
      timeZone: z.string(),
    }),
  ),
  decisions: z.array(decisionSchema),
});
export const meetingListSchema = z.object({ meetings: z.array(meetingSchema) });
