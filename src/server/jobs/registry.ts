import type { z } from 'zod';
import type { JobDefinition } from './define.ts';
import { JOB_DEFINITIONS, type JobName } from './definitions/index.ts';

const registry = new Map<string, JobDefinition>(
  JOB_DEFINITIONS.map((definition) => [definition.name, definition]),
);

/** The payload a production job takes, by name. */
export type JobPayload<N extends JobName> = z.input<
  Extract<(typeof JOB_DEFINITIONS)[number], { name: N }>['schema']
>;

export function findJobDefinition(name: string): JobDefinition | undefined {
  return registry.get(name);
}

export function registeredJobNames(): string[] {
  return [...registry.keys()];
}

/**
 * Adds definitions that are not in definitions/index.ts (the tests' own jobs). A name already
 * registered with another definition is an error.
 */
export function registerJobDefinitions(definitions: JobDefinition[]): void {
  for (const definition of definitions) {
    const existing = registry.get(definition.name);
    if (existing && existing !== definition) throw new Error(`job ${definition.name} is already registered`);
    registry.set(definition.name, definition);
  }
}
