import type { StoredMenuDay } from '@shared/menu-plan';

/** One meal of a stored menu day. */
export type Meal = StoredMenuDay['comidas'][number];

/** A meal's time as N5 writes it ("07:30"). */
export const HORA = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A food's grams, as N6's ingredient schema bounds them. */
export const GRAMS = { min: 1, max: 1000 };
/** A newly added food's starting grams; the coach adjusts them in place. */
export const NEW_FOOD_GRAMS = 100;
