import type { E2Output, E7Output } from '@shared/agent-outputs/training';
import {
  MUSCLE_LABELS_ES,
  MUSCLE_VALUES,
  STRENGTH_TIPOS,
  requiredEquipment,
  type Exercise,
  type Muscle,
} from '@shared/exercise';
import type { AuditCheckResult, ClientFacts, Mesocycle, SafeSessionsField } from '@shared/plan-content';
import { contraindicationsForInjury, getCatalog, type ExerciseCatalog } from '../catalog';
import { checkResult, listEs } from './check';
import { fmt, normalizeText } from './text';
import { trn15 } from './text-numbers-training';

/*
 * E8's deterministic checks (docs/DOMAIN.md "Training volume, frequency and effort"; rules TRN-* in
 * docs/AUDITS.md "2. Training audit (TRN-\*) — E8"). Weekly sets, frequency and
 * push:pull are recomputed here from the prescribed sessions and the catalog; the
 * `series_semanales` stored beside the sessions is never read, because the original system's
 * LLM auditor approved 35 weekly chest sets by trusting numbers like it.
 *
 * Unknown exercise ids are reported by TRN-01 and skipped by the other checks (they have no
 * muscles, equipment or tags to check), so one invented id does not hide every other finding.
 */

export interface TrainingAuditInput {
  facts: ClientFacts;
  capacity: Pick<E2Output, 'nivel'>;
  mesocycle: Mesocycle;
  safeSessions: Pick<SafeSessionsField, 'sesiones' | 'correctivos'>;
  /** Defaults to the shipped catalog. */
  catalog?: ExerciseCatalog;
  /** E7's client text (TRN-15); without it only the mesocycle's texts are checked. */
  formattedPlan?: E7Output;
  /** The previous block's weekly targets: E4 may state the change from them (TRN-15). */
  previousTargets?: readonly { musculo: string; series: number }[];
}

type Session = SafeSessionsField['sesiones'][number];
type Prescribed = Session['ejercicios'][number];
type Level = ClientFacts['nivel_experiencia'];

const LEVELS: readonly Level[] = ['principiante', 'intermedio', 'avanzado'];
const lowerLevel = (a: Level, b: Level): Level => (LEVELS.indexOf(a) <= LEVELS.indexOf(b) ? a : b);

/** Weekly hard sets above which a muscle's volume is questioned, by level (docs/DOMAIN.md "Training volume, frequency and effort"). */
const VOLUME_WARN: Record<Level, number> = { principiante: 20, intermedio: 25, avanzado: 30 };
/** Above this the plan needs the coach's confirmation whatever the level (the 35-chest-set case). */
const VOLUME_HIGH = 30;
const VOLUME_MIN_HYPERTROPHY = 10;
const HYPERTROPHY_GOALS = new Set(['ganar_musculo', 'recomposicion']);
/** Muscles whose weekly volume and frequency matter for a hypertrophy goal in any split. */
const MAJOR_MUSCLES: readonly Muscle[] = ['pecho', 'dorsal', 'cuadriceps', 'isquiotibiales', 'gluteos'];
/** A day counts as training a muscle from this many fractional sets (2 direct or 4 indirect). */
const FREQUENCY_MIN_SETS = 2;
const SECONDARY_WEIGHT = 0.5;
/** Seconds per repetition when no tempo is written (≈ 2-0-1). */
const DEFAULT_SECONDS_PER_REP = 3;
/** Set-up and walking between exercises, per exercise. */
const TRANSITION_MIN = 1;
const MAX_SESSION_MIN = 90;
const DELOAD_CADENCE_WEEKS = 8;

const isStrength = (exercise: Exercise) => STRENGTH_TIPOS.includes(exercise.tipo);
// Lower case: the label sits mid-sentence ("pecho 35, tríceps 22").
const muscleLabel = (muscle: Muscle) => MUSCLE_LABELS_ES[muscle].toLowerCase();
const tagLabel = (tag: string) => tag.replace(/_/g, ' ');
const exerciseName = (item: { ejercicio_id: string }, catalog: ExerciseCatalog) =>
  catalog.find(item.ejercicio_id)?.nombre ?? item.ejercicio_id;

interface Placed {
  session: Session;
  item: Prescribed;
  exercise: Exercise | undefined;
}

function placed(sessions: readonly Session[], catalog: ExerciseCatalog): Placed[] {
  return sessions.flatMap((session) =>
    session.ejercicios.map((item) => ({ session, item, exercise: catalog.find(item.ejercicio_id) })),
  );
}

/** Every id the client will perform: session exercises and correctives. */
function allIds(input: TrainingAuditInput): { id: string; where: string }[] {
  return [
    ...input.safeSessions.sesiones.flatMap((session) =>
      session.ejercicios.map((item) => ({ id: item.ejercicio_id, where: session.dia })),
    ),
    ...input.safeSessions.correctivos.map((item) => ({
      id: item.ejercicio_id,
      where: `correctivo (${item.momento})`,
    })),
  ];
}

// ---- Volume (recomputed) ----

interface Volume {
  weekly: Map<Muscle, number>;
  /** Per session index: fractional sets per muscle. */
  perSession: Map<Muscle, number>[];
  /** Per session index: muscles trained as a primary mover. */
  primary: Set<Muscle>[];
}

function computeVolume(sessions: readonly Session[], catalog: ExerciseCatalog): Volume {
  const weekly = new Map<Muscle, number>();
  const perSession: Map<Muscle, number>[] = [];
  const primary: Set<Muscle>[] = [];
  const add = (map: Map<Muscle, number>, muscle: Muscle, sets: number) =>
    map.set(muscle, (map.get(muscle) ?? 0) + sets);
  for (const session of sessions) {
    const day = new Map<Muscle, number>();
    const prime = new Set<Muscle>();
    for (const item of session.ejercicios) {
      const exercise = catalog.find(item.ejercicio_id);
      // Cardio and mobility entries are not hard sets (fractional counting, Pelland 2024).
      if (!exercise || !isStrength(exercise)) continue;
      for (const muscle of exercise.musculos_primarios) {
        add(day, muscle, item.series);
        add(weekly, muscle, item.series);
        prime.add(muscle);
      }
      for (const muscle of exercise.musculos_secundarios) {
        add(day, muscle, item.series * SECONDARY_WEIGHT);
        add(weekly, muscle, item.series * SECONDARY_WEIGHT);
      }
    }
    perSession.push(day);
    primary.push(prime);
  }
  return { weekly, perSession, primary };
}

/** Mesocycle target muscles written by E4 ("Pecho", "cuádriceps") that name catalog muscles. */
function targetMuscles(mesocycle: Mesocycle): Muscle[] {
  const byName = new Map<string, Muscle>(MUSCLE_VALUES.map((muscle) => [normalizeText(muscle), muscle]));
  for (const muscle of MUSCLE_VALUES) byName.set(normalizeText(MUSCLE_LABELS_ES[muscle]), muscle);
  return mesocycle.series_semanales_objetivo
    .map((target) => byName.get(normalizeText(target.musculo)))
    .filter((muscle): muscle is Muscle => muscle !== undefined);
}

// ---- TRN-01 ids in the catalog ----

function trn01(input: TrainingAuditInput, catalog: ExerciseCatalog): AuditCheckResult {
  const unknown = allIds(input).filter(({ id }) => !catalog.has(id));
  if (unknown.length === 0) {
    return checkResult('TRN-01', 'block', true, 'Todos los ejercicios existen en el catálogo.');
  }
  const list = unknown.map(({ id, where }) => `«${id}» (${where})`);
  return checkResult('TRN-01', 'block', false, `Ejercicios que no existen en el catálogo: ${listEs(list)}.`);
}

// ---- TRN-02 equipment ----

function trn02(input: TrainingAuditInput, catalog: ExerciseCatalog): AuditCheckResult {
  // `ninguno` (or nothing) means body weight only: it is not an item the client owns.
  const material = input.facts.material.filter((item) => item !== 'ninguno');
  const owned = new Set(material);
  const problems = new Set<string>();
  for (const { id, where } of allIds(input)) {
    const exercise = catalog.find(id);
    if (!exercise) continue;
    const missing = requiredEquipment(exercise).filter((item) => !owned.has(item));
    if (missing.length > 0) problems.add(`${exercise.nombre} (${where}) necesita ${missing.join(', ')}`);
  }
  const have = material.length > 0 ? material.join(', ') : 'solo peso corporal';
  if (problems.size === 0) {
    return checkResult('TRN-02', 'block', true, `Todo el material necesario está disponible (${have}).`);
  }
  return checkResult(
    'TRN-02',
    'block',
    false,
    `Material que el cliente no tiene (${have}): ${listEs([...problems])}.`,
  );
}

// ---- TRN-03 contraindications and excluded exercises ----

interface InjuryTags {
  label: string;
  tags: Set<string>;
}

function restrictingInjuries(facts: ClientFacts): InjuryTags[] {
  // Union of the stored tags and a fresh mapping of the zone text: facts built with an older
  // mapping (or by hand) must not let a contraindicated exercise through.
  return facts.lesiones
    .filter((injury) => injury.estado !== 'recuperada')
    .map((injury) => ({
      label: `${injury.zona} (${injury.estado})`,
      tags: new Set<string>([...injury.tags, ...contraindicationsForInjury(injury.zona, injury.descripcion)]),
    }));
}

function trn03(input: TrainingAuditInput, catalog: ExerciseCatalog): AuditCheckResult {
  const injuries = restrictingInjuries(input.facts);
  const avoid = new Set<string>(input.facts.tags_contraindicados);
  injuries.forEach((injury) => injury.tags.forEach((tag) => avoid.add(tag)));
  const excluded = new Set(input.facts.ejercicios_excluidos);
  const problems = new Set<string>();
  for (const { id, where } of allIds(input)) {
    const exercise = catalog.find(id);
    if (excluded.has(id)) problems.add(`${exercise?.nombre ?? id} (${where}): excluido por el cliente`);
    if (!exercise) continue;
    for (const tag of exercise.contraindicaciones.filter((candidate) => avoid.has(candidate))) {
      const causes = injuries.filter((injury) => injury.tags.has(tag)).map((injury) => injury.label);
      const cause = causes.length > 0 ? `lesión de ${causes.join(', ')}` : 'restricción declarada';
      problems.add(`${exercise.nombre} (${where}): ${tagLabel(tag)} — ${cause}`);
    }
  }
  if (problems.size > 0) {
    return checkResult(
      'TRN-03',
      'block',
      false,
      `Ejercicios contraindicados o excluidos: ${listEs([...problems], 8)}.`,
    );
  }
  const scope =
    avoid.size > 0
      ? `evita ${[...avoid].map(tagLabel).join(', ')}`
      : 'sin lesiones activas con contraindicaciones';
  return checkResult('TRN-03', 'block', true, `Ningún ejercicio contraindicado ni excluido (${scope}).`);
}

// ---- TRN-04 sessions per week ----

function trn04(input: TrainingAuditInput): AuditCheckResult {
  const sessions = input.safeSessions.sesiones.length;
  const available = input.facts.dias_disponibles;
  if (sessions > available) {
    return checkResult(
      'TRN-04',
      'block',
      false,
      `${sessions} sesiones por semana pero el cliente solo tiene ${available} días.`,
    );
  }
  return checkResult('TRN-04', 'block', true, `${sessions} sesiones ≤ ${available} días disponibles.`);
}

// ---- TRN-05 session length ----

function secondsPerRep(tempo: string | null): number {
  if (!tempo) return DEFAULT_SECONDS_PER_REP;
  // "3-1-1-0", "3110", "31X0" (X = explosive, ~1 s).
  const digits = tempo.replace(/[xX]/g, '1').replace(/[^0-9]/g, '');
  if (digits.length < 3) return DEFAULT_SECONDS_PER_REP;
  const total = [...digits.slice(0, 4)].reduce((sum, digit) => sum + Number(digit), 0);
  return total > 0 ? total : DEFAULT_SECONDS_PER_REP;
}

/** Lower bound of the session's minutes from its prescription (no warm-up). */
export function estimateSessionMinutes(session: Session): number {
  const seconds = session.ejercicios.reduce(
    (sum, item) => sum + item.series * (item.reps_max * secondsPerRep(item.tempo) + item.descanso_seg),
    0,
  );
  return seconds / 60 + session.ejercicios.length * TRANSITION_MIN;
}

function trn05(input: TrainingAuditInput): AuditCheckResult {
  const declared = input.facts.duracion_sesion_min;
  const limit = declared * 1.1;
  const problems: string[] = [];
  for (const session of input.safeSessions.sesiones) {
    const estimate = estimateSessionMinutes(session);
    const minutes = Math.max(session.duracion_min, estimate);
    const detail = `${session.dia}: ${fmt(minutes, 0)} min (declarado ${session.duracion_min}, estimado ${fmt(estimate, 0)})`;
    if (minutes > limit) problems.push(`${detail} > ${declared} min + 10 %`);
    else if (minutes > MAX_SESSION_MIN) problems.push(`${detail} > ${MAX_SESSION_MIN} min`);
  }
  if (problems.length > 0)
    return checkResult('TRN-05', 'warn', false, `Sesiones demasiado largas: ${listEs(problems)}.`);
  return checkResult('TRN-05', 'warn', true, `Todas las sesiones caben en ${declared} min (+10 %).`);
}

// ---- TRN-06 weekly hard sets / TRN-07 frequency ----

function trn06(input: TrainingAuditInput, volume: Volume, level: Level): AuditCheckResult {
  const warnAbove = VOLUME_WARN[level];
  const high: string[] = [];
  const over: string[] = [];
  const under: string[] = [];
  for (const [muscle, sets] of volume.weekly) {
    if (sets > VOLUME_HIGH) high.push(`${muscleLabel(muscle)} ${fmt(sets)}`);
    else if (sets > warnAbove) over.push(`${muscleLabel(muscle)} ${fmt(sets)}`);
  }
  if (HYPERTROPHY_GOALS.has(input.facts.objetivo)) {
    for (const muscle of new Set([...MAJOR_MUSCLES, ...targetMuscles(input.mesocycle)])) {
      const sets = volume.weekly.get(muscle) ?? 0;
      if (sets < VOLUME_MIN_HYPERTROPHY) under.push(`${muscleLabel(muscle)} ${fmt(sets)}`);
    }
  }
  const parts = [
    high.length > 0
      ? `más de ${VOLUME_HIGH} series semanales (requiere confirmación del entrenador): ${listEs(high)}`
      : '',
    over.length > 0 ? `por encima de ${warnAbove} para nivel ${level}: ${listEs(over)}` : '',
    under.length > 0
      ? `por debajo de ${VOLUME_MIN_HYPERTROPHY} con objetivo de hipertrofia: ${listEs(under)}`
      : '',
  ].filter((part) => part !== '');
  if (high.length > 0)
    return checkResult('TRN-06', 'block', false, `Series duras por músculo: ${parts.join('; ')}.`);
  if (parts.length > 0)
    return checkResult('TRN-06', 'warn', false, `Series duras por músculo: ${parts.join('; ')}.`);
  const summary = [...volume.weekly]
    .filter(([, sets]) => sets >= 1)
    .sort(([, a], [, b]) => b - a)
    .map(([muscle, sets]) => `${muscleLabel(muscle)} ${fmt(sets)}`);
  return checkResult(
    'TRN-06',
    'warn',
    true,
    `Series semanales (cómputo fraccionado) en rango: ${listEs(summary, 8)}.`,
  );
}

function trn07(input: TrainingAuditInput, volume: Volume): AuditCheckResult {
  if (!HYPERTROPHY_GOALS.has(input.facts.objetivo)) {
    return checkResult(
      'TRN-07',
      'warn',
      true,
      `Objetivo ${input.facts.objetivo}: la frecuencia ≥ 2 por músculo no es obligatoria.`,
    );
  }
  const once: string[] = [];
  for (const muscle of new Set([...MAJOR_MUSCLES, ...targetMuscles(input.mesocycle)])) {
    const days = volume.perSession.filter(
      (day, index) => volume.primary[index]?.has(muscle) || (day.get(muscle) ?? 0) >= FREQUENCY_MIN_SETS,
    ).length;
    if (days < 2) once.push(`${muscleLabel(muscle)} ${days}×`);
  }
  if (once.length > 0) {
    return checkResult(
      'TRN-07',
      'warn',
      false,
      `Músculos trabajados menos de 2 veces por semana con objetivo de hipertrofia: ${listEs(once)}.`,
    );
  }
  return checkResult('TRN-07', 'warn', true, 'Los grupos principales se trabajan ≥ 2 veces por semana.');
}

// ---- TRN-08 reps / TRN-09 effort / TRN-10 rest ----

function trn08(input: TrainingAuditInput, catalog: ExerciseCatalog): AuditCheckResult {
  const problems: string[] = [];
  for (const { session, item } of placed(input.safeSessions.sesiones, catalog)) {
    const range = `${item.reps_min}–${item.reps_max}`;
    if (item.reps_min < 1 || item.reps_max > 30)
      problems.push(`${exerciseName(item, catalog)} (${session.dia}) ${range} reps`);
    else if (item.reps_min > item.reps_max)
      problems.push(`${exerciseName(item, catalog)} (${session.dia}) rango invertido ${range}`);
  }
  if (problems.length > 0)
    return checkResult('TRN-08', 'block', false, `Repeticiones fuera de 1–30: ${listEs(problems)}.`);
  return checkResult('TRN-08', 'block', true, 'Repeticiones dentro de 1–30.');
}

function trn09(input: TrainingAuditInput, catalog: ExerciseCatalog, level: Level): AuditCheckResult {
  const problems: string[] = [];
  const beginnerFailure: string[] = [];
  for (const { session, item, exercise } of placed(input.safeSessions.sesiones, catalog)) {
    const name = `${exerciseName(item, catalog)} (${session.dia})`;
    if (item.rir < 0 || item.rir > 5) problems.push(`${name}: RIR ${item.rir} fuera de 0–5`);
    if (item.rpe !== null) {
      if (item.rpe < 5 || item.rpe > 10) problems.push(`${name}: RPE ${fmt(item.rpe)} fuera de 5–10`);
      // Half-point RPEs ("8,5") sit between two whole RIRs: allow 0.5 of slack.
      else if (Math.abs(item.rpe - (10 - item.rir)) > 0.5) {
        problems.push(`${name}: RPE ${fmt(item.rpe)} ≠ 10 − RIR ${item.rir}`);
      }
    }
    if (level === 'principiante' && item.rir === 0 && exercise?.tipo === 'compuesto')
      beginnerFailure.push(name);
  }
  if (problems.length > 0)
    return checkResult('TRN-09', 'block', false, `Escala de esfuerzo incoherente: ${listEs(problems)}.`);
  if (beginnerFailure.length > 0) {
    return checkResult(
      'TRN-09',
      'warn',
      false,
      `Principiante al fallo (RIR 0) en ejercicios compuestos: ${listEs(beginnerFailure)}.`,
    );
  }
  return checkResult('TRN-09', 'block', true, 'RIR 0–5, RPE 5–10 y RPE = 10 − RIR en todos los ejercicios.');
}

function trn10(input: TrainingAuditInput, catalog: ExerciseCatalog): AuditCheckResult {
  const short: string[] = [];
  for (const { session, item, exercise } of placed(input.safeSessions.sesiones, catalog)) {
    if (exercise && !isStrength(exercise)) continue;
    if (item.reps_max <= 6 && item.descanso_seg < 120) {
      short.push(
        `${exerciseName(item, catalog)} (${session.dia}) ${item.reps_max} reps con ${item.descanso_seg} s`,
      );
    }
  }
  if (short.length > 0) {
    return checkResult(
      'TRN-10',
      'warn',
      false,
      `Series pesadas (≤ 6 reps) con menos de 2 min de descanso: ${listEs(short)}.`,
    );
  }
  return checkResult('TRN-10', 'warn', true, 'Descanso ≥ 2 min en las series de ≤ 6 repeticiones.');
}

// ---- TRN-11 load step / TRN-12 deload ----

function sortedWeeks(mesocycle: Mesocycle) {
  return [...mesocycle.semanas].sort((a, b) => a.semana - b.semana);
}

function trn11(input: TrainingAuditInput, advanced: boolean): AuditCheckResult {
  const limit = advanced ? 5 : 10;
  const steps = sortedWeeks(input.mesocycle)
    .filter((week) => week.cambio_carga_pct > limit)
    .map((week) => `semana ${week.semana} +${fmt(week.cambio_carga_pct)} %`);
  if (steps.length > 0) {
    return checkResult(
      'TRN-11',
      'warn',
      false,
      `Subidas de carga por encima del ${limit} % semanal${advanced ? ' (avanzado)' : ''}: ${listEs(steps)}.`,
    );
  }
  return checkResult('TRN-11', 'warn', true, `Subidas de carga ≤ ${limit} % por semana.`);
}

function trn12(input: TrainingAuditInput): AuditCheckResult {
  const weeks = sortedWeeks(input.mesocycle);
  const blocks: string[] = [];
  const warns: string[] = [];
  let run = 0;
  let longest = 0;
  weeks.forEach((week, index) => {
    const previous = index > 0 ? weeks[index - 1] : undefined;
    const prevVolume = previous?.factor_volumen ?? 1;
    const prevRir = previous?.rir_objetivo ?? week.rir_objetivo;
    const lighter = week.fase === 'descarga' || week.factor_volumen < prevVolume || week.cambio_carga_pct < 0;
    run = lighter ? 0 : run + 1;
    longest = Math.max(longest, run);
    if (week.fase !== 'descarga') return;
    if (week.factor_volumen > prevVolume) {
      blocks.push(
        `la descarga de la semana ${week.semana} sube el volumen (×${fmt(week.factor_volumen, 2)} frente a ×${fmt(prevVolume, 2)})`,
      );
    } else if (week.cambio_carga_pct >= 0 && week.rir_objetivo <= prevRir) {
      warns.push(`la descarga de la semana ${week.semana} no reduce series, carga ni esfuerzo`);
    }
  });
  if (longest > DELOAD_CADENCE_WEEKS) {
    warns.push(`${longest} semanas seguidas sin semana de descarga (máximo ${DELOAD_CADENCE_WEEKS})`);
  }
  if (blocks.length > 0)
    return checkResult('TRN-12', 'block', false, `Descarga mal planteada: ${listEs([...blocks, ...warns])}.`);
  if (warns.length > 0) return checkResult('TRN-12', 'warn', false, `Descarga: ${listEs(warns)}.`);
  const deloads = weeks.filter((week) => week.fase === 'descarga').map((week) => week.semana);
  const detail =
    deloads.length > 0 ? `descarga en semana ${deloads.join(', ')}` : `mesociclo de ${weeks.length} semanas`;
  return checkResult('TRN-12', 'block', true, `Cadencia y contenido de la descarga correctos (${detail}).`);
}

// ---- TRN-13 push:pull ----

function trn13(input: TrainingAuditInput, catalog: ExerciseCatalog): AuditCheckResult {
  let push = 0;
  let pull = 0;
  for (const { item, exercise } of placed(input.safeSessions.sesiones, catalog)) {
    if (!exercise || !isStrength(exercise)) continue;
    if (exercise.empuje_traccion === 'empuje') push += item.series;
    if (exercise.empuje_traccion === 'traccion') pull += item.series;
  }
  if (push === 0 && pull === 0)
    return checkResult('TRN-13', 'warn', true, 'Sin trabajo de empuje ni tracción de tren superior.');
  const detail = `${push} series de empuje / ${pull} de tracción`;
  const ratio = pull === 0 ? Infinity : push / pull;
  if (ratio < 0.67 || ratio > 1.5) {
    const shown = pull === 0 ? 'sin tracción' : `ratio ${fmt(ratio, 2)}`;
    return checkResult(
      'TRN-13',
      'warn',
      false,
      `Desequilibrio empuje:tracción (${detail}, ${shown}; rango 0,67–1,5).`,
    );
  }
  return checkResult('TRN-13', 'warn', true, `Empuje:tracción ${fmt(ratio, 2)} (${detail}).`);
}

/** E8's deterministic checks, in rule-table order. */
export function auditTraining(input: TrainingAuditInput): AuditCheckResult[] {
  const catalog = input.catalog ?? getCatalog();
  // Thresholds that protect a less trained client use the lower of the questionnaire's level and
  // E2's; the load-step limit, stricter for advanced lifters, uses the higher.
  const level = lowerLevel(input.facts.nivel_experiencia, input.capacity.nivel);
  const advanced = input.facts.nivel_experiencia === 'avanzado' || input.capacity.nivel === 'avanzado';
  const volume = computeVolume(input.safeSessions.sesiones, catalog);
  return [
    trn01(input, catalog),
    trn02(input, catalog),
    trn03(input, catalog),
    trn04(input),
    trn05(input),
    trn06(input, volume, level),
    trn07(input, volume),
    trn08(input, catalog),
    trn09(input, catalog, level),
    trn10(input, catalog),
    trn11(input, advanced),
    trn12(input),
    trn13(input, catalog),
    trn15(input),
  ];
}

/** Weekly hard sets per muscle recomputed from the sessions (fractional counting), for display. */
export function recomputeWeeklySets(
  sessions: readonly Session[],
  catalog: ExerciseCatalog = getCatalog(),
): Partial<Record<Muscle, number>> {
  return Object.fromEntries(computeVolume(sessions, catalog).weekly);
}
