// Every module's tables, gathered for drizzle-kit and the typed database handle.

export * from '../jobs/tables.ts';
export * from '../modules/audit/tables.ts';
export * from '../modules/auth/tables.ts';
export * from '../modules/briefs/tables.ts';
export * from '../modules/calendar/tables.ts';
export * from '../modules/campaigns/tables.ts';
export * from '../modules/creators/tables.ts';
export * from '../modules/escalations/tables.ts';
export * from '../modules/meetings/tables.ts';
export * from '../modules/metrics/tables.ts';
export * from '../modules/notifications/tables.ts';
export * from '../modules/tasks/tables.ts';
export * from '../modules/timeline/tables.ts';
export * from '../modules/webhooks/tables.ts';
