import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Session } from '@shared/agent-outputs/training';
import type { PlanKind } from '@shared/plan-delivery';
import {
  NUTRITION_CHAIN,
  REGENERATION_NOTE_MAX,
  TRAINING_CHAIN,
  type RegenerationScope,
} from '@shared/plan-regeneration';
import { agentName } from '../agents';
import { enumLabelKey } from '../plan/enum-labels';

/*
 * "Regenerar una parte": what the coach picks (one session, the menus, or from an agent on) and the
 * note the job follows. The note's limits are the server's (`RegenerationNoteSchema`); its messages
 * are i18n keys so the coach reads them in the UI language.
 */

export const REGENERATE_MESSAGES = {
  noteRequired: 'review.regenerate.noteRequired',
  noteTooLong: 'review.regenerate.noteTooLong',
} as const;

export const RegenerateFormSchema = z.object({
  scope: z.string().min(1),
  note: z
    .string()
    .trim()
    .min(1, REGENERATE_MESSAGES.noteRequired)
    .max(REGENERATION_NOTE_MAX, REGENERATE_MESSAGES.noteTooLong),
});
export type RegenerateFormValues = z.infer<typeof RegenerateFormSchema>;

export interface ScopeOption {
  /** The select's value: `session:2`, `menus`, `agent:E5`. */
  value: string;
  label: string;
}
export interface ScopeGroup {
  group: string;
  items: ScopeOption[];
}

/** The value a scope has in the select. */
export function scopeValue(scope: RegenerationScope): string {
  if (scope.type === 'session') return `session:${scope.session}`;
  if (scope.type === 'menus') return 'menus';
  return `agent:${scope.agent}`;
}

/** The scope a select value stands for (null for an unknown value). */
export function scopeOf(value: string): RegenerationScope | null {
  if (value === 'menus') return { type: 'menus' };
  const [type, rest] = value.split(':');
  if (type === 'session' && rest && /^\d+$/.test(rest)) return { type: 'session', session: Number(rest) };
  if (type === 'agent' && rest) {
    const agent = [...TRAINING_CHAIN, ...NUTRITION_CHAIN].find((id) => id === rest);
    if (agent) return { type: 'from_agent', agent };
  }
  return null;
}

/**
 * The options for a plan: training — each session of the week the plan shows, by day and name (its
 * index is the session's position in that week, as the server counts it), then each agent of E1–E9;
 * nutrition — the menus, then each agent of N0–N8.
 */
export function scopeOptions(
  kind: PlanKind,
  sessions: readonly Pick<Session, 'dia' | 'nombre'>[],
  t: TFunction,
  lang: string,
): ScopeGroup[] {
  const agents: ScopeGroup = {
    group: t('review.regenerate.groupAgents'),
    items: (kind === 'training' ? TRAINING_CHAIN : NUTRITION_CHAIN).map((agent) => ({
      value: scopeValue({ type: 'from_agent', agent }),
      label: t('review.regenerate.fromAgent', { agent: agentName(agent, lang) ?? agent }),
    })),
  };
  if (kind === 'nutrition') {
    return [
      {
        group: t('review.regenerate.groupMenus'),
        items: [{ value: scopeValue({ type: 'menus' }), label: t('review.regenerate.menus') }],
      },
      agents,
    ];
  }
  const items = sessions.map((session, index) => ({
    value: scopeValue({ type: 'session', session: index }),
    label: t('review.regenerate.session', {
      day: t(enumLabelKey('dia', session.dia)),
      name: session.nombre.trim(),
    }),
  }));
  return items.length > 0 ? [{ group: t('review.regenerate.groupSessions'), items }, agents] : [agents];
}
