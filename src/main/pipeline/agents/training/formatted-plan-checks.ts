import type { E7Output } from '@shared/agent-outputs/training';

/*
 * The client reads E7's formatted plan, not the sessions: its days and any "N días por semana" it
 * announces must be the safe sessions' (issue 13, "text agrees with numbers"). A mismatch goes back
 * to the model in the repair round; a model that insists fails the job instead of misleading the
 * client.
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  un: 1,
  una: 1,
  uno: 1,
  one: 1,
  dos: 2,
  two: 2,
  tres: 3,
  three: 3,
  cuatro: 4,
  four: 4,
  cinco: 5,
  five: 5,
  seis: 6,
  six: 6,
  siete: 7,
  seven: 7,
};

/** "4 días por semana", "cuatro sesiones a la semana", "3 training days", "five sessions a week". */
const WEEKLY_COUNT =
  /\b(\d|un|una|uno|one|dos|two|tres|three|cuatro|four|cinco|five|seis|six|siete|seven)\s+(?:d[ií]as?\s+de\s+entrenamiento|d[ií]as?|sesiones|sesi[oó]n|entrenamientos|entrenos|training\s+days|days|sessions|workouts)\s+(?:(?:a|por|cada|de|each|per|a\s+la|por|in\s+a|every)\s+)?(?:la\s+)?(?:semana|semanales|week|weekly)\b/giu;

function weeklyCounts(text: string): number[] {
  return [...text.matchAll(WEEKLY_COUNT)].map((match) => {
    const word = (match[1] ?? '').toLowerCase();
    return /^\d$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? Number.NaN);
  });
}

export function formattedPlanProblems(output: E7Output, sessions: readonly { dia: string }[]): string[] {
  const problems: string[] = [];
  const planned: string[] = sessions.map((session) => session.dia);
  const written: string[] = output.dias.map((day) => day.dia);
  const missing = planned.filter((dia) => !written.includes(dia));
  const extra = written.filter((dia) => !planned.includes(dia));
  if (missing.length > 0) problems.push(`faltan los días con sesión: ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`días sin sesión en el plan: ${extra.join(', ')}; quítalos`);
  if (written.length !== new Set(written).size) problems.push('un día aparece más de una vez');
  const texts = [
    output.titulo,
    output.introduccion,
    ...output.consejos,
    ...output.dias.map((day) => day.texto),
  ];
  for (const count of texts.flatMap(weeklyCounts)) {
    if (count !== planned.length) {
      problems.push(`el texto anuncia ${count} días o sesiones por semana y el plan tiene ${planned.length}`);
    }
  }
  return [...new Set(problems)];
}
