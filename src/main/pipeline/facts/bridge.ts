import type { Bridge, ClientFacts, SafeSessionsField } from '@shared/plan-content';
import { DIA_SEMANA_VALUES } from '@shared/questionnaire';

type Dia = (typeof DIA_SEMANA_VALUES)[number];
type DayType = 'alto' | 'medio' | 'bajo';

/** Long or demanding sessions are high-energy days; shorter ones medium; rest days low (docs/DOMAIN.md "Day types and calorie cycling"). */
function dayTypeFor(minutes: number): DayType {
  if (minutes <= 0) return 'bajo';
  return minutes >= 60 ? 'alto' : 'medio';
}

function bridgeFrom(sessions: Array<{ dia: Dia; minutos: number }>): Omit<Bridge, 'notas_para_nutricion'> {
  const byDay = new Map(sessions.map((s) => [s.dia, s.minutos]));
  const semana = DIA_SEMANA_VALUES.map((dia) => {
    const minutos = byDay.get(dia) ?? 0;
    return { dia, tipo_dia: dayTypeFor(minutos), minutos, entrena: minutos > 0 };
  });
  const count = (type: DayType): number => semana.filter((d) => d.tipo_dia === type).length;
  return {
    dias_entrenamiento: semana.filter((d) => d.entrena).map((d) => d.dia),
    sesiones_semana: sessions.length,
    minutos_semana: sessions.reduce((sum, s) => sum + s.minutos, 0),
    semana,
    mapa_energetico: { alto: count('alto'), medio: count('medio'), bajo: count('bajo') },
  };
}

/** E9's numbers, from the week's sessions (E5's, which E6 keeps day for day). */
export function bridgeFromSessions(
  week: Pick<SafeSessionsField, 'sesiones'>,
): Omit<Bridge, 'notas_para_nutricion'> {
  return bridgeFrom(week.sesiones.map((s) => ({ dia: s.dia, minutos: s.duracion_min })));
}

/** Without a training plan, the questionnaire's availability stands in for the training load. */
export function bridgeFromQuestionnaire(facts: ClientFacts): Bridge {
  return {
    ...bridgeFrom(facts.dias_semana.map((dia) => ({ dia, minutos: facts.duracion_sesion_min }))),
    notas_para_nutricion:
      'Sin plan de entrenamiento: carga estimada a partir de la disponibilidad declarada.',
  };
}
