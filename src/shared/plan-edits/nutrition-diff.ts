import type { DayType } from '../agent-outputs/common';
import { N5OutputSchema } from '../agent-outputs/nutrition';
import { foodById, foodName } from '../foods';
import { MenuPlanSchema, type StoredIngredient, type StoredMenuDay } from '../menu-plan';
import { NUTRITION_PLAN_FIELDS, type NutritionPlanDocument } from '../plans';
import { align, arrow, localized, pairBy, without, type Aligned, type Lang } from './plan-diff-match';
import { auditChange, fieldChange, type LocalizedText, type PlanChange } from './plan-diff-schema';

/*
 * The readable difference between two versions of a nutrition plan: the menus (paired by day type,
 * meals by name, foods by an alignment on their table id), N5's meal times, and one line for each
 * other agent field that differs. A day's `totales` and `objetivo` and each food's stored name are
 * code's (src/shared/menu-plan.ts), so only ids and grams are compared.
 */

type Meal = StoredMenuDay['comidas'][number];
type Dish = Meal['platos'][number];

const DAY_TYPE: Record<DayType, LocalizedText> = {
  alto: { es: 'día alto', en: 'high day' },
  medio: { es: 'día medio', en: 'medium day' },
  bajo: { es: 'día bajo', en: 'low day' },
};

/** The fixed words of the sentences, Spanish first. */
const W = {
  es: {
    menu_added: (day: string) => `Menú del ${day} añadido`,
    menu_removed: (day: string) => `Menú del ${day} quitado`,
    meal_added: (day: string) => `Añadida al ${day}`,
    meal_removed: (day: string) => `Quitada del ${day}`,
    renamed: (n: number, day: string) => `Comida ${n} del ${day} renombrada`,
    position: (from: number, to: number) => `pasa de la posición ${from} a la ${to}`,
    dishes: 'platos',
    food_added: 'añadido',
    food_removed: 'quitado',
    time: (hora: string, was: string) => `pasa a las ${hora} (antes ${was})`,
  },
  en: {
    menu_added: (day: string) => `Menu of the ${day} added`,
    menu_removed: (day: string) => `Menu of the ${day} removed`,
    meal_added: (day: string) => `Added to the ${day}`,
    meal_removed: (day: string) => `Removed from the ${day}`,
    renamed: (n: number, day: string) => `Meal ${n} of the ${day} renamed`,
    position: (from: number, to: number) => `moved from position ${from} to ${to}`,
    dishes: 'dishes',
    food_added: 'added',
    food_removed: 'removed',
    time: (hora: string, was: string) => `moved to ${hora} (was ${was})`,
  },
} as const;

const grams = (value: number): string => `${Math.round(value * 10) / 10} g`;

function food(item: StoredIngredient, lang: Lang): string {
  return item.alimento_id && foodById(item.alimento_id) ? foodName(item.alimento_id, lang) : item.alimento;
}
const portion = (item: StoredIngredient, lang: Lang): string =>
  `${food(item, lang)} ${grams(item.cantidad_g)}`;
const foodKey = (item: StoredIngredient): string => item.alimento_id ?? `text:${item.alimento}`;

function dishes(meal: Meal, lang: Lang): string {
  return meal.platos
    .map((dish) => `${dish.nombre} (${dish.ingredientes.map((i) => portion(i, lang)).join(', ')})`)
    .join('; ');
}

const dishNames = (meal: Meal): string => JSON.stringify(meal.platos.map((dish) => dish.nombre));

type Where = Pick<PlanChange, 'day_type' | 'meal' | 'dish'> & { day_type: DayType };
type Change = Omit<PlanChange, 'day_type' | 'meal' | 'dish' | 'text' | 'before' | 'after'>;

class MenuDiff {
  readonly changes: PlanChange[] = [];

  /** `display`: the language of `before`/`after` (the plan's); `text` has both. */
  constructor(private readonly display: Lang) {}

  /** `show` gives `before`, `after` and the sentence's words in one language. */
  private push(where: Where, change: Change, show: (lang: Lang) => [string | null, string | null, string]) {
    const [before, after] = show(this.display);
    this.changes.push({ ...where, ...change, before, after, text: localized((lang) => show(lang)[2]) });
  }

  private place(where: Where, lang: Lang): string {
    return `${where.meal?.nombre ?? ''} (${DAY_TYPE[where.day_type][lang]})`;
  }

  day(day_type: DayType, a: StoredMenuDay | undefined, b: StoredMenuDay | undefined): void {
    if (!a || !b) {
      const code = b ? 'menu_added' : 'menu_removed';
      this.push({ day_type }, { code }, (lang) => [null, null, W[lang][code](DAY_TYPE[day_type][lang])]);
      return;
    }
    for (const op of align(a.comidas, b.comidas, (meal) => meal.nombre)) {
      if (op.kind === 'added' || op.kind === 'removed') {
        const [meal, index] = op.kind === 'added' ? [op.after, op.to] : [op.before, op.from];
        const code = `meal_${op.kind}` as const;
        this.push({ day_type, meal: { index, nombre: meal.nombre } }, { code }, (lang) => {
          const shown = dishes(meal, lang);
          const text = `${W[lang][code](DAY_TYPE[day_type][lang])}: ${meal.nombre} — ${shown}`;
          return op.kind === 'added' ? [null, shown, text] : [shown, null, text];
        });
        continue;
      }
      const where: Where = { day_type, meal: { index: op.to, nombre: op.after.nombre } };
      const [from, to] = [op.from + 1, op.to + 1];
      if (op.kind === 'moved') {
        this.push(where, { code: 'meal_moved' }, (lang) => [
          String(from),
          String(to),
          `${this.place(where, lang)} ${W[lang].position(from, to)}`,
        ]);
      }
      if (op.kind === 'replaced') {
        const [x, y] = [op.before.nombre, op.after.nombre];
        this.push(where, { code: 'meal_renamed' }, (lang) => [
          x,
          y,
          `${W[lang].renamed(to, DAY_TYPE[day_type][lang])}: ${arrow(x, y)}`,
        ]);
      }
      this.meal(where, op.before, op.after);
    }
  }

  private meal(where: Where, a: Meal, b: Meal): void {
    if (dishNames(a) !== dishNames(b)) {
      // Other dishes altogether (a regenerated or replaced meal): food-by-food lines would not read.
      this.push(where, { code: 'meal_replaced' }, (lang) => {
        const [x, y] = [dishes(a, lang), dishes(b, lang)];
        return [x, y, `${this.place(where, lang)}: ${W[lang].dishes} ${arrow(x, y)}`];
      });
      return;
    }
    b.platos.forEach((dish, d) => {
      const at = { ...where, dish: { index: d, nombre: dish.nombre } };
      const before = (a.platos[d] as Dish).ingredientes;
      for (const op of align(before, dish.ingredientes, foodKey)) this.food(at, op);
    });
  }

  private food(where: Where, op: Aligned<StoredIngredient>): void {
    const ingredient = (item: StoredIngredient, index: number) => ({ index, id: item.alimento_id ?? null });
    const at = (lang: Lang, text: string) => `${this.place(where, lang)}: ${text}`;
    if (op.kind === 'added' || op.kind === 'removed') {
      const [item, index] = op.kind === 'added' ? [op.after, op.to] : [op.before, op.from];
      const code = `food_${op.kind}` as const;
      this.push(where, { code, ingredient: ingredient(item, index) }, (lang) => {
        const text = at(lang, `${W[lang][code]} ${portion(item, lang)}`);
        return op.kind === 'added' ? [null, portion(item, lang), text] : [portion(item, lang), null, text];
      });
      return;
    }
    const change = { ingredient: ingredient(op.after, op.to) };
    if (op.kind === 'replaced') {
      this.push(where, { ...change, code: 'food_replaced' }, (lang) => {
        const [x, y] = [portion(op.before, lang), portion(op.after, lang)];
        return [x, y, at(lang, arrow(x, y))];
      });
      return;
    }
    if (op.kind === 'moved') {
      const [from, to] = [op.from + 1, op.to + 1];
      this.push(where, { ...change, code: 'food_moved' }, (lang) => [
        String(from),
        String(to),
        at(lang, `${food(op.after, lang)} ${W[lang].position(from, to)}`),
      ]);
    }
    if (op.before.cantidad_g === op.after.cantidad_g) return;
    const [x, y] = [grams(op.before.cantidad_g), grams(op.after.cantidad_g)];
    this.push(where, { ...change, code: 'grams_changed' }, (lang) => [
      x,
      y,
      at(lang, `${food(op.after, lang)} ${arrow(x, y)}`),
    ]);
  }
}

function menuChanges(x: unknown, y: unknown, display: Lang): PlanChange[] | undefined {
  const a = MenuPlanSchema.safeParse(x);
  const b = MenuPlanSchema.safeParse(y);
  if (!a.success || !b.success) return undefined;
  const diff = new MenuDiff(display);
  const dayTypes = [...new Set([...b.data.menus, ...a.data.menus].map((day) => day.tipo_dia))];
  for (const dayType of dayTypes) {
    const find = (menus: StoredMenuDay[]) => menus.find((day) => day.tipo_dia === dayType);
    diff.day(dayType, find(a.data.menus), find(b.data.menus));
  }
  return diff.changes;
}

/** N5's times, shared by every day type: one line per meal (paired by name) whose time moved. */
function timeChanges(x: unknown, y: unknown): PlanChange[] {
  const a = N5OutputSchema.safeParse(x);
  const b = N5OutputSchema.safeParse(y);
  if (!a.success || !b.success) return [];
  const pairs = pairBy(a.data.comidas, b.data.comidas, [(old, next) => old.nombre === next.nombre]);
  return b.data.comidas.flatMap((meal, index): PlanChange[] => {
    const old = a.data.comidas[pairs.get(index) ?? -1];
    if (!old || old.hora === meal.hora) return [];
    return [
      {
        code: 'meal_time_changed',
        meal: { index, nombre: meal.nombre },
        before: old.hora,
        after: meal.hora,
        text: localized((lang) => `${meal.nombre} ${W[lang].time(meal.hora, old.hora)}`),
      },
    ];
  });
}

/** N5's field without the times `timeChanges` reports. */
function withoutTimes(value: unknown): unknown {
  const parsed = N5OutputSchema.safeParse(value);
  if (!parsed.success) return value;
  return { ...(value as object), comidas: parsed.data.comidas.map((meal) => without(meal, ['hora'])) };
}

/**
 * Every difference between two versions of a nutrition plan, in plan order (the agent fields in
 * pipeline order; menus in the stored day order, meals and foods in theirs). `[]` for the same
 * document. The audit's checks are code's: only its status is one line.
 */
export function diffNutritionPlans(
  before: NutritionPlanDocument,
  after: NutritionPlanDocument,
): PlanChange[] {
  return NUTRITION_PLAN_FIELDS.flatMap((field): PlanChange[] => {
    const x = before.nutrition[field];
    const y = after.nutrition[field];
    switch (field) {
      case 'audit':
        return auditChange(x, y);
      case 'timing_plan':
        return [...timeChanges(x, y), ...fieldChange(field, withoutTimes(x), withoutTimes(y))];
      case 'menu_plan': {
        // Besides the menus (totals and names there are code's), N6 writes only `equivalencias`; a
        // menu that does not parse on one side cannot be diffed and is one coarse line.
        const menus = menuChanges(x, y, after.language);
        if (!menus) return fieldChange(field, x, y);
        return [...menus, ...fieldChange(field, without(x, ['menus']), without(y, ['menus']))];
      }
      default:
        return fieldChange(field, x, y);
    }
  });
}
