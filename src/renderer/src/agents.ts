import { AGENT_NAMES } from '@shared/agent-names';

export { AGENT_NAMES };

export function agentName(id: string | null | undefined, lang: string): string | null {
  if (!id) return null;
  const names = (AGENT_NAMES as Record<string, { es: string; en: string }>)[id];
  if (!names) return id;
  return `${id} · ${lang.startsWith('en') ? names.en : names.es}`;
}
