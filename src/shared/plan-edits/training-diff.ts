import type { PrescribedExercise, Session } from '../agent-outputs/training';
import { capitalize, words } from '../client-plan/format';
import { dictionary } from '../client-plan/i18n';
import { BridgeSchema } from '../plan-content';
import { TRAINING_PLAN_FIELDS, type TrainingPlanDocument } from '../plans';
import { DIA_SEMANA_VALUES } from '../questionnaire';
import { align, arrow, localized, pairBy, without, type Aligned, type Lang } from './plan-diff-match';
import { auditChange, fieldChange, type LocalizedText, type PlanChange } from './plan-diff-schema';
import { PRESCRIPTION_FIELDS } from './training-edit-schema';
import type { TrainingEditCatalog } from './training-options';
import { dayNameEs, shownWeek, type WeekField } from './training-week';

/*
 * The readable difference between two versions of a training plan: the week each version shows
 * (training-week.ts) session by session and exercise by exercise, then one line for each other agent
 * field that differs. Sessions are paired by who they are (name and weekday), not by position, so a
 * session moved to another day is one change; exercises by an alignment on their catalog id.
 */

const EN_WEEKDAYS = dictionary('en').weekdays;

const dayName = (dia: Session['dia'], lang: Lang): string =>
  lang === 'es' ? dayNameEs(dia) : (EN_WEEKDAYS[DIA_SEMANA_VALUES.indexOf(dia)] ?? dia);

/** Keys of E9's field that code computes from the week (everything but E9's own notes). */
const BRIDGE_NUMBERS = Object.keys(BridgeSchema.shape).filter((key) => key !== 'notas_para_nutricion');

const FIELD_NAMES: Record<string, LocalizedText> = {
  series: { es: 'series', en: 'sets' },
  reps_min: { es: 'reps mín.', en: 'min reps' },
  reps_max: { es: 'reps máx.', en: 'max reps' },
  descanso_seg: { es: 'descanso', en: 'rest' },
  tempo: { es: 'tempo', en: 'tempo' },
  notas: { es: 'notas', en: 'notes' },
};
const fieldName = (field: string, lang: Lang): string => FIELD_NAMES[field]?.[lang] ?? field.toUpperCase(); // RIR, RPE

/** The fixed words of the sentences, Spanish first. */
const W = {
  es: {
    exercise: 'ejercicio',
    exercise_added: 'Ejercicio añadido',
    exercise_removed: 'Ejercicio quitado',
    session_added: 'Sesión añadida',
    session_removed: 'Sesión quitada',
    exercises: 'ejercicios',
    duration: 'Duración',
    moved: (from: string, to: string) => `movida de ${from} a ${to}`,
    position: (from: number, to: number) => `pasa de la posición ${from} a la ${to}`,
    renamed: (day: string) => `Sesión del ${day} renombrada`,
  },
  en: {
    exercise: 'exercise',
    exercise_added: 'Exercise added',
    exercise_removed: 'Exercise removed',
    session_added: 'Session added',
    session_removed: 'Session removed',
    exercises: 'exercises',
    duration: 'Duration',
    moved: (from: string, to: string) => `moved from ${from} to ${to}`,
    position: (from: number, to: number) => `moved from position ${from} to ${to}`,
    renamed: (day: string) => `${day} session renamed`,
  },
} as const;

const COMPARED = [...PRESCRIPTION_FIELDS, 'rpe'] as const;

function shown(value: PrescribedExercise[(typeof COMPARED)[number]], field: string): string | null {
  if (value === null) return null;
  return field === 'descanso_seg' ? `${value} s` : String(value);
}

interface Where {
  index: number;
  session: Session;
}

class TrainingDiff {
  readonly changes: { rank: number; change: PlanChange }[] = [];
  private rank = 0;

  /** `display`: the language of `before`/`after` (the plan's); `text` has both. */
  constructor(
    private readonly catalog: TrainingEditCatalog,
    private readonly display: Lang,
  ) {}

  private name(id: string, lang: Lang): string {
    const exercise = this.catalog.byId(id);
    if (!exercise) return capitalize(words(id));
    return lang === 'es' ? exercise.nombre : exercise.name_en;
  }

  private push(where: Where, change: Omit<PlanChange, 'session'>): void {
    const { index, session } = where;
    this.changes.push({
      rank: DIA_SEMANA_VALUES.indexOf(session.dia) * 1000 + this.rank++,
      change: { ...change, session: { index, dia: session.dia, nombre: session.nombre } },
    });
  }

  private at(where: Where, lang: Lang, exercise?: number): string {
    const place = [dayName(where.session.dia, lang), where.session.nombre];
    if (exercise !== undefined) place.push(`${W[lang].exercise} ${exercise + 1}`);
    return `(${place.join(', ')})`;
  }

  session(where: Where, code: 'session_added' | 'session_removed'): void {
    const { nombre, dia, ejercicios } = where.session;
    const added = code === 'session_added';
    this.push(where, {
      code,
      before: added ? null : nombre,
      after: added ? nombre : null,
      text: localized(
        (lang) =>
          `${W[lang][code]}: ${nombre} (${dayName(dia, lang)}, ${ejercicios.length} ${W[lang].exercises})`,
      ),
    });
  }

  pairedSessions(from: Where, to: Where): void {
    const [a, b] = [from.session, to.session];
    if (a.dia !== b.dia) {
      const text = (lang: Lang) => `${b.nombre} ${W[lang].moved(dayName(a.dia, lang), dayName(b.dia, lang))}`;
      this.push(to, { code: 'session_moved', before: a.dia, after: b.dia, text: localized(text) });
    }
    const changed = (field: 'nombre' | 'duracion_min', x: string, y: string, text: (lang: Lang) => string) =>
      this.push(to, { code: 'session_changed', field, before: x, after: y, text: localized(text) });
    if (a.nombre !== b.nombre) {
      changed(
        'nombre',
        a.nombre,
        b.nombre,
        (lang) => `${W[lang].renamed(dayName(b.dia, lang))}: ${arrow(a.nombre, b.nombre)}`,
      );
    }
    if (a.duracion_min !== b.duracion_min) {
      const [x, y] = [`${a.duracion_min} min`, `${b.duracion_min} min`];
      changed('duracion_min', x, y, (lang) => `${W[lang].duration} ${this.at(to, lang)}: ${arrow(x, y)}`);
    }
    this.exercises(
      to,
      align(a.ejercicios, b.ejercicios, (e) => e.ejercicio_id),
    );
  }

  private exercises(to: Where, aligned: Aligned<PrescribedExercise>[]): void {
    const name = (id: string) => (lang: Lang) => this.name(id, lang);
    for (const op of aligned) {
      if (op.kind === 'added' || op.kind === 'removed') {
        const [item, index] = op.kind === 'added' ? [op.after, op.to] : [op.before, op.from];
        const shown = this.name(item.ejercicio_id, this.display);
        this.push(to, {
          code: `exercise_${op.kind}`,
          exercise: { index, id: item.ejercicio_id },
          before: op.kind === 'added' ? null : shown,
          after: op.kind === 'added' ? shown : null,
          text: localized(
            (lang) =>
              `${W[lang][`exercise_${op.kind}`]}: ${name(item.ejercicio_id)(lang)} ${this.at(to, lang, index)}`,
          ),
        });
        continue;
      }
      const exercise = { index: op.to, id: op.after.ejercicio_id };
      const [x, y] = [name(op.before.ejercicio_id), name(op.after.ejercicio_id)];
      if (op.kind === 'replaced') {
        this.push(to, {
          code: 'exercise_swapped',
          exercise,
          before: x(this.display),
          after: y(this.display),
          text: localized((lang) => `${arrow(x(lang), y(lang))} ${this.at(to, lang, op.to)}`),
        });
      }
      if (op.kind === 'moved') {
        this.push(to, {
          code: 'exercise_moved',
          exercise,
          before: String(op.from + 1),
          after: String(op.to + 1),
          text: localized(
            (lang) => `${y(lang)} ${W[lang].position(op.from + 1, op.to + 1)} ${this.at(to, lang)}`,
          ),
        });
      }
      for (const field of COMPARED) {
        if (op.before[field] === op.after[field]) continue;
        const [from, into] = [shown(op.before[field], field), shown(op.after[field], field)];
        this.push(to, {
          code: 'prescription_changed',
          exercise,
          field,
          before: from,
          after: into,
          text: localized(
            (lang) =>
              `${y(lang)}: ${fieldName(field, lang)} ${arrow(from ?? '—', into ?? '—')} ${this.at(to, lang, op.to)}`,
          ),
        });
      }
    }
  }
}

function weekChanges(
  before: TrainingPlanDocument,
  after: TrainingPlanDocument,
  catalog: TrainingEditCatalog,
): PlanChange[] {
  const a = shownWeek(before)?.sessions ?? [];
  const b = shownWeek(after)?.sessions ?? [];
  const diff = new TrainingDiff(catalog, after.language);
  // Who a session is: its name and day, then its name (moved), then its day (renamed).
  const pairs = pairBy(a, b, [
    (x, y) => x.nombre === y.nombre && x.dia === y.dia,
    (x, y) => x.nombre === y.nombre,
    (x, y) => x.dia === y.dia,
  ]);
  const paired = new Set(pairs.values());
  const removed = a.map((_, i) => i).filter((i) => !paired.has(i));
  const where = (list: readonly Session[], index: number): Where => ({
    index,
    session: list[index] as Session,
  });
  for (const i of removed) diff.session(where(a, i), 'session_removed');
  b.forEach((_, j) => {
    const i = pairs.get(j);
    if (i === undefined) diff.session(where(b, j), 'session_added');
    else diff.pairedSessions(where(a, i), where(b, j));
  });
  // Plan order: the week runs Monday to Sunday; a removed session stands on its own weekday.
  return diff.changes.sort((x, y) => x.rank - y.rank).map((entry) => entry.change);
}

/**
 * Every difference between two versions of a training plan, in plan order: the agent fields in
 * pipeline order, the shown week where its field stands. `[]` for the same document. Code-derived
 * parts are left out (weekly set counts, E9's numbers, the audit's checks); the audit's status is
 * one line.
 */
export function diffTrainingPlans(
  before: TrainingPlanDocument,
  after: TrainingPlanDocument,
  catalog: TrainingEditCatalog,
): PlanChange[] {
  const weekBefore = shownWeek(before)?.field;
  const weekAfter = shownWeek(after)?.field;
  const weekAt: WeekField = weekAfter ?? weekBefore ?? 'safe_sessions';
  const derived = (field: WeekField) =>
    field === weekBefore && field === weekAfter ? ['series_semanales', 'sesiones'] : ['series_semanales'];
  return TRAINING_PLAN_FIELDS.flatMap((field): PlanChange[] => {
    const x = before.training[field];
    const y = after.training[field];
    switch (field) {
      case 'audit':
        return auditChange(x, y);
      case 'bridge_for_nutrition':
        return fieldChange(field, without(x, BRIDGE_NUMBERS), without(y, BRIDGE_NUMBERS));
      case 'sessions':
      case 'safe_sessions': {
        const rest = fieldChange(field, without(x, derived(field)), without(y, derived(field)));
        return field === weekAt ? [...weekChanges(before, after, catalog), ...rest] : rest;
      }
      default:
        return fieldChange(field, x, y);
    }
  });
}
