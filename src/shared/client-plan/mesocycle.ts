import type { Mesocycle } from '../plan-content';
import { clientText, formatNumber, joinList } from './format';
import type { Dictionary } from './i18n';
import type { ClientMesocycle, ClientMesocycleWeek, ClientPlanLanguage } from './schema';

/*
 * Week by week, what the client changes: effort, sets relative to the sessions as written, load
 * steps, and the plan's own note for the week. The deload is said in words once.
 */

const sign = (value: number): -1 | 0 | 1 => (value > 0 ? 1 : value < 0 ? -1 : 0);

function week(
  w: Mesocycle['semanas'][number],
  first: boolean,
  language: ClientPlanLanguage,
  dict: Dictionary,
): ClientMesocycleWeek {
  const volumePct = Math.round(w.factor_volumen * 100);
  const changes = [
    dict.weekEffort(w.rir_objetivo),
    dict.weekVolume(formatNumber(volumePct, language), sign(volumePct - 100)),
    dict.weekLoad(formatNumber(Math.abs(w.cambio_carga_pct), language, 1), sign(w.cambio_carga_pct), first),
  ];
  const note = clientText(w.notas);
  if (note) changes.push(note);
  return {
    week: w.semana,
    title: dict.weekTitle(w.semana, dict.phase[w.fase]),
    changes,
    isDeload: w.fase === 'descarga',
  };
}

export function buildMesocycle(
  mesocycle: Mesocycle | undefined,
  language: ClientPlanLanguage,
  dict: Dictionary,
): ClientMesocycle | undefined {
  if (!mesocycle || mesocycle.semanas.length === 0) return undefined;
  const weeks = [...mesocycle.semanas]
    .sort((a, b) => a.semana - b.semana)
    .map((w, i) => week(w, i === 0, language, dict));
  const out: ClientMesocycle = { weeks };
  const deloads = weeks.filter((w) => w.isDeload).map((w) => dict.weekTitle(w.week, undefined));
  if (deloads.length > 0) out.deload = dict.deload(joinList(deloads, dict.and));
  const progression = clientText(mesocycle.progresion);
  if (progression) out.progression = progression;
  return out;
}
