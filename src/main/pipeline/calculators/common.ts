/** Biological sex used by the equations. The questionnaire stores `Hombre`/`Mujer`; the equations take `hombre`/`mujer`. */
export type Sex = 'hombre' | 'mujer';
export type SexInput = Sex | 'Hombre' | 'Mujer';

export function normalizeSex(sex: SexInput | string): Sex {
  const s = sex.trim().toLowerCase();
  if (s === 'hombre' || s === 'h' || s === 'varon' || s === 'varón' || s === 'masculino') return 'hombre';
  if (s === 'mujer' || s === 'm' || s === 'femenino') return 'mujer';
  throw new RangeError(`sexo no reconocido para las ecuaciones: "${sex}" (usa Hombre o Mujer)`);
}

/** Round half away from zero to `decimals` places (display and stored facts). */
export function round(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}

export function assertInRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${name} fuera de rango: ${value} (esperado ${min}–${max})`);
  }
}
