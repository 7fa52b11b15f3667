import { foodById, foodName } from '../foods';
import type { StoredMenuDay } from '../menu-plan';
import type { MacroDay } from '../plan-content';
import { clientText, clientTexts, formatNumber, joinList } from './format';
import { householdMeasure } from './household-measures';
import { DAY_TYPE_ORDER, WEEKDAYS, weekdayName, type DayTypeCode, type Dictionary } from './i18n';
import type { NutritionView, TrainingView } from './read-plans';
import { swapPolicy, type SwapPolicy } from './restrictions';
import type {
  ClientDailyTargets,
  ClientDayTypeMenu,
  ClientMeal,
  ClientNutrition,
  ClientPlanLanguage,
} from './schema';
import { buildShoppingList, type WeekMenu } from './shopping-list';
import { mealSubstitutions } from './substitutions';
import { workoutMeals, type WorkoutMeals } from './workout-timing';

/*
 * The nutrition part: which weekdays use which day type (N4's week; E9's bridge when the nutrition
 * plan has none), one menu per day type the week uses, with N5's meal times, and the week's
 * shopping. A day type no weekday uses is never shown, even if a menu for it was stored.
 */

/** Weekday index (0 = Monday) → day type. */
export function weekDayTypes(
  nutrition: NutritionView | undefined,
  training: TrainingView | undefined,
): Map<number, DayTypeCode> {
  const week = nutrition?.weekly?.semana ?? training?.bridge?.semana ?? [];
  const out = new Map<number, DayTypeCode>();
  for (const day of week) {
    const index = (WEEKDAYS as readonly string[]).indexOf(day.dia);
    if (index >= 0) out.set(index, day.tipo_dia);
  }
  return out;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const PRE = /\b(?:pre[- ]?entreno|antes de entrenar|pre[- ]?workout|before training)\b/i;
const POST = /\b(?:post[- ]?entreno|despues de entrenar|post[- ]?workout|after training)\b/i;

/** When the client trains, for the labels of the meals around the session (workout-timing.ts). */
export interface TrainingSchedule {
  /** The hour sessions start, in minutes after midnight; undefined when the questionnaire does not say. */
  start?: number;
  /** Weekday index (0 = Monday) → the session's length in minutes, for the weekdays that train. */
  sessionMinutes: ReadonlyMap<number, number>;
  /** Whether a training plan says which weekdays train. */
  known: boolean;
}

function targetsOf(
  macros: MacroDay | undefined,
  language: ClientPlanLanguage,
  dict: Dictionary,
): ClientDailyTargets | undefined {
  if (!macros) return undefined;
  const n = (v: number) => formatNumber(Math.round(v), language);
  return {
    kcal: Math.round(macros.kcal),
    proteinG: Math.round(macros.proteina_g),
    carbsG: Math.round(macros.carbohidratos_g),
    fatG: Math.round(macros.grasa_g),
    text: dict.targets(n(macros.kcal), n(macros.proteina_g), n(macros.carbohidratos_g), n(macros.grasa_g)),
  };
}

interface MealContext {
  view: NutritionView;
  policy: SwapPolicy;
  menuFoods: ReadonlySet<string>;
  /** Where this day type's session falls among its meals; absent on rest days or an unknown slot. */
  around: WorkoutMeals | undefined;
  language: ClientPlanLanguage;
  dict: Dictionary;
}

type StoredMeal = StoredMenuDay['comidas'][number];

/** "de día medio": the day type's code in words, which names no dish ("Desayuno de día medio"). */
const DAY_TYPE_SUFFIX = /\s+(?:de|del)\s+d[ií]a\s+(?:alto|medio|bajo)\s*$/i;

function dishName(name: string): string | undefined {
  return clientText(clientText(name)?.replace(DAY_TYPE_SUFFIX, ''));
}
type TimingSlot = NonNullable<NutritionView['timing']>['comidas'][number];

/** N5's schedule entry for a meal: by name, or by position when both lists have the same length. */
function timingSlot(
  view: NutritionView,
  stored: StoredMeal,
  index: number,
  count: number,
): TimingSlot | undefined {
  const timing = view.timing?.comidas ?? [];
  return (
    timing.find((t) => fold(t.nombre) === fold(stored.nombre)) ??
    (timing.length === count ? timing[index] : undefined)
  );
}

/**
 * The meals around the session on the weekdays of a day type: only when every one of those days
 * trains (a menu shared with rest days cannot say "before training") and the hour is known.
 */
function aroundSession(
  schedule: TrainingSchedule | undefined,
  type: DayTypeCode,
  days: readonly number[],
  times: readonly (string | undefined)[],
): WorkoutMeals | undefined {
  if (schedule?.start === undefined) return undefined;
  const minutes = days.map((d) => schedule.sessionMinutes.get(d));
  const trains = schedule.known ? minutes.every((m) => m !== undefined) : type !== 'bajo';
  if (!trains) return undefined;
  const longest = Math.max(0, ...minutes.map((m) => m ?? 0));
  return workoutMeals(times, schedule.start, longest > 0 ? longest : undefined);
}

function meal(stored: StoredMeal, index: number, count: number, ctx: MealContext): ClientMeal | undefined {
  const { language, dict } = ctx;
  const dishes = stored.platos
    .map((plato) => ({
      name: dishName(plato.nombre) ?? clientText(stored.nombre) ?? dict.otherGroup,
      foods: plato.ingredientes
        .map((i) => {
          const name =
            i.alimento_id && foodById(i.alimento_id)
              ? foodName(i.alimento_id, language)
              : clientText(i.alimento);
          if (!name) return undefined;
          const grams = Math.round(i.cantidad_g);
          const household = householdMeasure(i.alimento_id, grams, language);
          return household ? { name, grams, household } : { name, grams };
        })
        .filter((f) => f !== undefined),
    }))
    .filter((d) => d.foods.length > 0);
  if (dishes.length === 0) return undefined;
  const slot = timingSlot(ctx.view, stored, index, count);
  const name = clientText(stored.nombre) ?? clientText(slot?.nombre) ?? dishes[0]?.name ?? dict.otherGroup;
  const out: ClientMeal = {
    name,
    dishes,
    substitutions: mealSubstitutions(
      stored.platos.flatMap((p) => p.ingredientes),
      ctx.policy,
      ctx.menuFoods,
      language,
      dict,
    ),
  };
  if (slot) out.time = slot.hora;
  // A meal the plan itself names for the other side of the session keeps its name's word.
  const named = fold(stored.nombre);
  const when =
    ctx.around?.pre === index && !POST.test(named)
      ? { label: dict.preWorkout, advice: dict.preWorkoutWhen }
      : ctx.around?.post === index && !PRE.test(named)
        ? { label: dict.postWorkout, advice: dict.postWorkoutWhen }
        : undefined;
  if (when) out.workoutTiming = when.label;
  const note = [when?.advice, clientText(slot?.nota)].filter((t) => t !== undefined).join(' ');
  if (note) out.note = note;
  return out;
}

export function buildNutrition(
  view: NutritionView,
  dayTypes: ReadonlyMap<number, DayTypeCode>,
  schedule: TrainingSchedule | undefined,
  language: ClientPlanLanguage,
  dict: Dictionary,
): { nutrition?: ClientNutrition; dayTypeIndex: Map<DayTypeCode, number> } {
  const dayTypeIndex = new Map<DayTypeCode, number>();
  const menus = view.menu?.menus ?? [];
  const used = DAY_TYPE_ORDER.map((type) => ({
    type,
    days: [...dayTypes.entries()]
      .filter(([, t]) => t === type)
      .map(([d]) => d)
      .sort((a, b) => a - b),
    menu: menus.find((m) => m.tipo_dia === type),
  })).filter(
    (u): u is { type: DayTypeCode; days: number[]; menu: StoredMenuDay } =>
      u.days.length > 0 && u.menu !== undefined,
  );
  if (used.length === 0) return { dayTypeIndex };
  const menuFoods = new Set(
    used.flatMap((u) =>
      u.menu.comidas.flatMap((c) => c.platos.flatMap((p) => p.ingredientes.map((i) => i.alimento_id ?? ''))),
    ),
  );
  const policy = swapPolicy(view.profile?.datos);
  const dayTypeMenus: ClientDayTypeMenu[] = [];
  const week: WeekMenu[] = [];
  for (const u of used) {
    const count = u.menu.comidas.length;
    const times = u.menu.comidas.map((c, i) => timingSlot(view, c, i, count)?.hora);
    const around = aroundSession(schedule, u.type, u.days, times);
    const ctx: MealContext = { view, policy, menuFoods, around, language, dict };
    const meals = u.menu.comidas
      .map((c, i) => meal(c, i, u.menu.comidas.length, ctx))
      .filter((m) => m !== undefined);
    if (meals.length === 0) continue;
    dayTypeIndex.set(u.type, dayTypeMenus.length);
    const menu: ClientDayTypeMenu = {
      label: dict.dayType[u.type],
      daysText: joinList(
        u.days.map((d, i) =>
          i > 0 && language === 'es' ? weekdayName(dict, d).toLowerCase() : weekdayName(dict, d),
        ),
        dict.and,
      ),
      daysPerWeek: u.days.length,
      meals,
    };
    const targets = targetsOf(view.macros?.por_tipo_dia[u.type] ?? u.menu.objetivo, language, dict);
    if (targets) menu.targets = targets;
    dayTypeMenus.push(menu);
    week.push({ menu: u.menu, daysPerWeek: u.days.length });
  }
  if (dayTypeMenus.length === 0) return { dayTypeIndex };
  const nutrition: ClientNutrition = {
    dayTypes: dayTypeMenus,
    equivalences: clientTexts(view.menu?.equivalencias).filter((text) => policy.allowsText(text, menuFoods)),
    shoppingList: buildShoppingList(week, language, dict),
  };
  if (dayTypeMenus.length > 1 && dayTypeMenus.some((m) => m.targets))
    nutrition.targetsIntro = dict.targetsIntro;
  const peri = clientText(view.timing?.peri_entreno);
  if (peri) nutrition.periWorkout = peri;
  return { nutrition, dayTypeIndex };
}
