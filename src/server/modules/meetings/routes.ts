import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findSlots } from '../../../shared/meetings/slot-finder.ts';
import { asDownload } from '../../http/download.ts';
import { forbidden } from '../../http/errors.ts';
import { requireUser } from '../auth/authenticate.ts';
import { isStaff } from '../auth/policies.ts';
import { campaignParams } from '../campaigns/schema.ts';
import { taskSchema } from '../tasks/schema.ts';
import { meetingInvitation } from './meeting-ics.ts';
import {
  cancelMeeting,
  createMeeting,
  decisionToTask,
  findMeeting,
  listMeetings,
  recordDecision,
  updateMeeting,
} from './schedule-meeting.ts';
import {
  createMeetingBody,
  decisionBody,
  decisionSchema,
  decisionToTaskBody,
  externalParticipantBody,
  externalParticipantListSchema,
  externalParticipantSchema,
  icsQuery,
  meetingListSchema,
  meetingParams,
  meetingSchema,
  setWorkingHoursBody,
  slotsBody,
  updateMeetingBody,
  weeklyHours,
} from './schema.ts';
import {
  createExternalParticipant,
  hoursOf,
  listExternalParticipants,
  setWorkingHours,
  slotParticipants,
} from './working-hours.ts';

const tags = ['Meetings'];

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/api/me/working-hours',
    { schema: { tags, response: { 200: z.object({ timeZone: z.string(), hours: weeklyHours }) } } },
    async (request) => {
      const actor = requireUser(request);
      return { timeZone: actor.timeZone, hours: await hoursOf(db, actor.id) };
    },
  );

  app.put(
    '/api/me/working-hours',
    {
      schema: {
        tags,
        summary: 'My working hours per ISO weekday (1 = Monday), in my time zone; a missing day is a day off',
        body: setWorkingHoursBody,
        response: { 200: z.object({ timeZone: z.string(), hours: weeklyHours }) },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      return { timeZone: actor.timeZone, hours: await setWorkingHours(db, actor, request.body.hours) };
    },
  );

  app.get(
    '/api/users/:id/working-hours',
    {
      schema: {
        tags,
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: z.object({ hours: weeklyHours }) },
      },
    },
    async (request) => {
      if (!isStaff(requireUser(request))) throw forbidden();
      return { hours: await hoursOf(db, request.params.id) };
    },
  );

  app.get(
    '/api/external-participants',
    { schema: { tags, response: { 200: externalParticipantListSchema } } },
    async (request) => {
      if (!isStaff(requireUser(request))) throw forbidden();
      return { participants: await listExternalParticipants(db) };
    },
  );

  app.post(
    '/api/external-participants',
    {
      schema: {
        tags,
        summary: 'A creator or stakeholder without an account: a zone and working hours',
        body: externalParticipantBody,
        response: { 201: externalParticipantSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createExternalParticipant(db, requireUser(request), request.body)),
  );

  app.post(
    '/api/meetings/slots',
    {
      schema: {
        tags,
        summary:
          'Slots inside everyone’s working hours, best first (most people inside hours, fewest minutes outside, earliest)',
        body: slotsBody,
        response: {
          200: z.object({
            perfect: z.boolean(),
            participants: z.array(z.object({ id: z.string(), name: z.string(), timeZone: z.string() })),
            slots: z.array(
              z.object({
                start: z.string(),
                end: z.string(),
                insideCount: z.number(),
                totalMinutesOutside: z.number(),
                outside: z.array(
                  z.object({ participantId: z.string(), name: z.string(), minutesOutside: z.number() }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      if (!isStaff(requireUser(request))) throw forbidden();
      const participants = await slotParticipants(db, request.body.participants);
      const result = findSlots({ ...request.body, participants });
      return {
        ...result,
        participants: participants.map(({ id, name, timeZone }) => ({ id, name, timeZone })),
      };
    },
  );

  app.post(
    '/api/campaigns/:id/meetings',
    {
      schema: {
        tags,
        params: campaignParams,
        body: createMeetingBody,
        response: { 201: meetingSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(db, requireUser(request), request.params.id, request.body)),
  );

  app.get(
    '/api/campaigns/:id/meetings',
    { schema: { tags, params: campaignParams, response: { 200: meetingListSchema } } },
    async (request) => ({
      meetings: await listMeetings(db, requireUser(request), request.params.id),
    }),
  );

  app.get(
    '/api/meetings/:id',
    { schema: { tags, params: meetingParams, response: { 200: meetingSchema } } },
    async (request) => findMeeting(db, requireUser(request), request.params.id),
  );

  app.patch(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Reschedule or edit; raises SEQUENCE when the invitation changes',
        params: meetingParams,
        body: updateMeetingBody,
        response: { 200: meetingSchema },
      },
    },
    async (request) => updateMeeting(db, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/meetings/:id/cancel',
    { schema: { tags, params: meetingParams, response: { 200: meetingSchema } } },
    async (request) => cancelMeeting(db, requireUser(request), request.params.id),
  );

  app.post(
    '/api/meetings/:id/decisions',
    { schema: { tags, params: meetingParams, body: decisionBody, response: { 201: decisionSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordDecision(db, requireUser(request), request.params.id, request.body.text)),
  );

  app.post(
    '/api/meetings/:id/decisions/:decisionId/task',
    {
      schema: {
        tags,
        summary: 'Turn a decision into a task in the meeting’s campaign',
        params: z.strictObject({ id: z.uuid(), decisionId: z.uuid() }),
        body: decisionToTaskBody,
        response: { 201: taskSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await decisionToTask(
            db,
            requireUser(request),
            request.params.id,
            request.params.decisionId,
            request.body,
          ),
        ),
  );

  app.get(
    '/api/meetings/:id/ics',
    {
      schema: {
        tags,
        summary: 'The invitation as iCalendar (METHOD:REQUEST, or CANCEL), in the given language or mine',
        params: meetingParams,
        querystring: icsQuery,
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const meeting = await findMeeting(db, actor, request.params.id);
      const body = meetingInvitation(meeting, request.query.language ?? actor.locale, actor.timeZone);
      return asDownload(
        reply.type(
          `text/calendar; charset=utf-8; method=${meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST'}`,
        ),
        'invite.ics',
      ).send(body);
    },
  );
};
