import type { E2Output, E4Output, E7Output } from '@shared/agent-outputs/training';
import type { Bridge } from '@shared/plan-content';
import { isCatalogId, weeklySetsPerMuscle } from '../catalog';
import type { AllowedValues, PlanText } from './text-numbers';

/*
 * What each training text may state (docs/AUDITS.md §9). E7's formatted plan is the client's: its
 * counts of days and sessions, sets, minutes, repetitions and RIR must be the safe sessions'. The
 * figures are computed here from the sessions (weekly sets with the catalog, never from a stored
 * `series_semanales`), handed to E7 as `cifras` and recomputed by TRN-15 from the stored plan.
 */

type Builder = Record<string, number[]>;

function add(target: Builder, key: string, ...values: readonly (number | null | undefined)[]): void {
  const list = (target[key] ??= []);
  for (const value of values) if (typeof value === 'number' && Number.isFinite(value)) list.push(value);
}

interface SessionLike {
  dia: string;
  duracion_min: number;
  ejercicios: readonly {
    ejercicio_id: string;
    series: number;
    reps_min: number;
    reps_max: number;
    rir: number;
  }[];
}

/** The week's numbers the client text may state; E7 receives them as `cifras`. */
export interface TrainingFigures {
  sesiones_semana: number;
  dias_descanso: number;
  minutos_por_sesion: number[];
  minutos_semana: number;
  series_por_ejercicio: number[];
  series_por_sesion: number[];
  /** Weekly hard sets per muscle, fractional (primary 1, secondary 0.5), from the catalog. */
  series_semanales: Record<string, number>;
  series_semana_total: number;
  repeticiones: number[];
  rir: number[];
}

const unique = (values: readonly number[]) => [...new Set(values)].sort((a, b) => a - b);

export function trainingFigures(
  sessions: readonly SessionLike[],
  weeks: readonly { rir_objetivo: number }[] = [],
): TrainingFigures {
  const exercises = sessions.flatMap((session) => session.ejercicios);
  // Unknown ids are TRN-01's finding; the catalog cannot count their muscles.
  const known = sessions.map((session) => ({
    ...session,
    ejercicios: session.ejercicios.filter((e) => isCatalogId(e.ejercicio_id)),
  }));
  const weekly = weeklySetsPerMuscle(known);
  return {
    sesiones_semana: sessions.length,
    dias_descanso: 7 - sessions.length,
    minutos_por_sesion: unique(sessions.map((s) => s.duracion_min)),
    minutos_semana: sessions.reduce((sum, s) => sum + s.duracion_min, 0),
    series_por_ejercicio: unique(exercises.map((e) => e.series)),
    series_por_sesion: unique(sessions.map((s) => s.ejercicios.reduce((sum, e) => sum + e.series, 0))),
    series_semanales: Object.fromEntries(Object.entries(weekly).filter(([, sets]) => (sets ?? 0) > 0)),
    series_semana_total: exercises.reduce((sum, e) => sum + e.series, 0),
    repeticiones: unique(exercises.flatMap((e) => [e.reps_min, e.reps_max])),
    rir: unique([...exercises.map((e) => e.rir), ...weeks.map((w) => w.rir_objetivo)]),
  };
}

/** E7 and TRN-15: the figures above, by unit. "Descansa N días" counts the rest days. */
export function formattedPlanFigures(figures: TrainingFigures): AllowedValues {
  const allowed: Builder = {};
  add(allowed, 'days', figures.sesiones_semana);
  add(allowed, 'sessions', figures.sesiones_semana);
  add(allowed, 'days:descanso', figures.dias_descanso);
  add(allowed, 'minutes', ...figures.minutos_por_sesion, figures.minutos_semana);
  const weekly = Object.values(figures.series_semanales);
  add(
    allowed,
    'sets',
    ...figures.series_por_ejercicio,
    ...figures.series_por_sesion,
    // Fractional weekly sets are written rounded either way ("10,5" → "10" or "11").
    ...weekly.flatMap((sets) => [sets, Math.floor(sets), Math.ceil(sets)]),
    figures.series_semana_total,
  );
  add(allowed, 'reps', ...figures.repeticiones);
  add(allowed, 'rir', ...figures.rir);
  return allowed;
}

export function formattedPlanTexts(plan: E7Output): PlanText[] {
  return [
    { campo: 'titulo', texto: plan.titulo },
    { campo: 'introduccion', texto: plan.introduccion },
    ...plan.consejos.map((texto, i) => ({ campo: `consejos[${i}]`, texto })),
    ...plan.dias.flatMap((day, i) => [
      { campo: `dias[${i}].titulo`, texto: day.titulo },
      { campo: `dias[${i}].texto`, texto: day.texto },
    ]),
  ];
}

/**
 * E4: target sets per muscle, each week's sets after its volume factor and the change from the
 * previous block; load changes and volume factors as %; each week's RIR.
 */
export function mesocycleFigures(
  mesocycle: Pick<E4Output, 'semanas' | 'series_semanales_objetivo'>,
  previous: readonly { musculo: string; series: number }[] = [],
): AllowedValues {
  const allowed: Builder = {};
  for (const target of mesocycle.series_semanales_objetivo) {
    add(allowed, 'sets', target.series);
    for (const week of mesocycle.semanas) {
      const sets = target.series * week.factor_volumen;
      add(allowed, 'sets', sets, Math.floor(sets), Math.ceil(sets));
    }
    const before = previous.find((p) => p.musculo === target.musculo);
    if (before) add(allowed, 'sets', Math.abs(target.series - before.series));
  }
  for (const week of mesocycle.semanas) {
    add(allowed, 'pct', Math.abs(week.cambio_carga_pct), Math.abs(1 - week.factor_volumen) * 100);
    add(allowed, 'rir', week.rir_objetivo);
  }
  return allowed;
}

export function mesocycleTexts(mesocycle: Pick<E4Output, 'semanas' | 'progresion'>): PlanText[] {
  return [
    { campo: 'progresion', texto: mesocycle.progresion },
    ...mesocycle.semanas.map((week, i) => ({ campo: `semanas[${i}].notas`, texto: week.notas })),
  ];
}

/** E2: the days it chose and the client has, its RIR, the session length the client declared. */
export function capacityFigures(
  output: Pick<E2Output, 'dias_semana' | 'rir_objetivo'>,
  perfil: { dias_disponibles: number; duracion_sesion_min: number },
): AllowedValues {
  const days = [output.dias_semana, perfil.dias_disponibles];
  return {
    days,
    sessions: days,
    'days:descanso': [7 - output.dias_semana],
    rir: [output.rir_objetivo],
    minutes: [perfil.duracion_sesion_min],
  };
}

/** E9: the bridge's sessions, minutes and day types. */
export function bridgeFigures(
  carga: Pick<Bridge, 'sesiones_semana' | 'minutos_semana' | 'semana' | 'mapa_energetico'>,
): AllowedValues {
  const allowed: Builder = {};
  add(allowed, 'sessions', carga.sesiones_semana);
  add(allowed, 'days', carga.sesiones_semana);
  add(allowed, 'days:descanso', 7 - carga.sesiones_semana);
  add(allowed, 'days:alto', carga.mapa_energetico.alto);
  add(allowed, 'days:medio', carga.mapa_energetico.medio);
  add(allowed, 'days:bajo', carga.mapa_energetico.bajo);
  add(allowed, 'minutes', carga.minutos_semana, ...carga.semana.map((d) => d.minutos).filter((m) => m > 0));
  return allowed;
}
