import { useQueries, useQuery } from '@tanstack/react-query';
import type { SlotParticipant } from '../../../shared/meetings/slot-finder.ts';
import { type ExternalParticipant, externalsQuery, userHoursQuery } from '../../api/insights.ts';
import { usersQuery } from '../../api/queries.ts';
import type { TeamMember } from '../../api/types.ts';

/** Someone a meeting can include: a user (`user:<id>`) or an external participant (`external:<id>`). */
export interface Person {
  key: string;
  kind: 'user' | 'external';
  id: string;
  name: string;
  timeZone: string;
  email: string | null;
  /** A user's role, or an external participant's kind. */
  detail: string;
  language: string;
}

export const userPerson = (u: TeamMember): Person => ({
  key: `user:${u.id}`,
  kind: 'user',
  id: u.id,
  name: u.name,
  timeZone: u.timeZone,
  email: u.email,
  detail: u.role,
  language: u.locale,
});

export const externalPerson = (e: ExternalParticipant): Person => ({
  key: `external:${e.id}`,
  kind: 'external',
  id: e.id,
  name: e.name,
  timeZone: e.timeZone,
  email: e.email,
  detail: e.kind,
  language: e.language,
});

/** Everyone a planner can invite: the team (creators' accounts left out) and external participants. */
export function usePeopleDirectory() {
  const users = useQuery(usersQuery);
  const externals = useQuery(externalsQuery);
  const team = (users.data ?? []).filter((u) => u.role !== 'creator').map(userPerson);
  const guests = (externals.data ?? []).map(externalPerson);
  return {
    team,
    guests,
    all: [...team, ...guests],
    externals: externals.data ?? [],
    isPending: users.isPending || externals.isPending,
    error: users.error ?? externals.error,
  };
}

/**
 * The slot finder's view of people: zone and weekly working hours (users' saved hours are read
 * one by one; external participants carry theirs). Null entries are still loading.
 */
export function useSlotParticipants(people: Person[], externals: ExternalParticipant[]) {
  const userHours = useQueries({
    queries: people.filter((p) => p.kind === 'user').map((p) => userHoursQuery(p.id)),
  });
  const users = people.filter((p) => p.kind === 'user');
  const loading = userHours.some((q) => q.isPending);
  const participants: Array<SlotParticipant & { detail: string }> = [];
  for (const person of people) {
    if (person.kind === 'user') {
      const hours = userHours[users.indexOf(person)]?.data;
      if (!hours) continue;
      participants.push({
        id: person.key,
        name: person.name,
        timeZone: person.timeZone,
        hours,
        detail: person.detail,
      });
    } else {
      const external = externals.find((e) => e.id === person.id);
      if (external)
        participants.push({
          id: person.key,
          name: person.name,
          timeZone: person.timeZone,
          hours: external.hours,
          detail: person.detail,
        });
    }
  }
  return { participants, loading };
}
