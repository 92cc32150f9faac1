import { z } from 'zod';
import { instant, instantInput } from '../../http/instant.ts';
import { marketCode } from '../auth/schema.ts';
import { TASK_STATUSES } from './tables.ts';

const label = z.string().trim().min(1).max(40);

export const createTaskBody = z.strictObject({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).optional(),
  ownerId: z.uuid(),
  marketCode: marketCode.nullable().optional(),
  status: z.enum(TASK_STATUSES).optional(),
  dueAt: instantInput.nullable().optional(),
  labels: z.array(label).max(20).optional(),
  watcherIds: z.array(z.uuid()).max(50).optional(),
});

export const updateTaskBody = z.strictObject({
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(20_000).optional(),
  ownerId: z.uuid().optional(),
  marketCode: marketCode.nullable().optional(),
  status: z.enum(TASK_STATUSES).optional(),
  dueAt: instantInput.nullable().optional(),
  labels: z.array(label).max(20).optional(),
  /** Board position: place the card between these two neighbours (ids in the target column). */
  after: z.uuid().nullable().optional(),
  before: z.uuid().nullable().optional(),
});

export const TASK_SORTS = ['board', 'due', 'created', 'updated', 'title', 'number'] as const;

export const listTasksQuery = z.strictObject({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(TASK_STATUSES)).optional()),
  ownerId: z.uuid().optional(),
  marketCode: z.string().max(8).optional(),
  label: z.string().max(40).optional(),
  q: z.string().max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ownerActive: z
    .enum(['true', 'false'])
    .optional()
    .describe('false: only tasks whose owner was deactivated (they need a new owner)'),
  dueBefore: instant.optional(),
  dueAfter: instant.optional(),
  sort: z.enum(TASK_SORTS).default('board'),
  order: z.enum(['asc', 'desc']).default('asc'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const taskParams = z.strictObject({ id: z.uuid() });
export const commentBody = z.strictObject({ body: z.string().trim().min(1).max(10_000) });
export const watcherBody = z.strictObject({ userId: z.uuid() });

export const taskSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  number: z.number(),
  title: z.string(),
  description: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  /** False when the owner was deactivated: the task needs a new owner. */
  ownerActive: z.boolean(),
  marketCode: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  dueAt: z.string().nullable(),
  dueTimeZone: z.string().nullable(),
  overdue: z.boolean(),
  /** When it reached `done`, and who moved it there (null while not done). */
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  labels: z.array(z.string()),
  rank: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const taskDetailSchema = taskSchema.extend({
  comments: z.array(
    z.object({
      id: z.uuid(),
      authorId: z.uuid(),
      authorName: z.string(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  watchers: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const taskPageSchema = z.object({
  tasks: z.array(taskSchema),
  nextCursor: z.string().nullable(),
  /** On the first page only (no cursor): how many tasks match the filters. */
  total: z.number().nullable(),
});
