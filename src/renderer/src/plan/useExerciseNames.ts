import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogExercise } from '@shared/exercise';
import { useClient } from '../api/client-store';
import type { CoachClient } from '../api/coach-client';
import { humanize } from '../format';

/** Loaded once per client (the catalog ships with the app and does not change while it runs). */
const cache = new WeakMap<CoachClient, Promise<ReadonlyMap<string, CatalogExercise>>>();

function loadCatalog(client: CoachClient): Promise<ReadonlyMap<string, CatalogExercise>> {
  let pending = cache.get(client);
  if (!pending) {
    pending = client
      .listExercises()
      .then((items) => new Map(items.map((item) => [item.id, item])))
      .catch((error: unknown) => {
        cache.delete(client); // a later plan view tries again
        throw error;
      });
    cache.set(client, pending);
  }
  return pending;
}

/**
 * Names an exercise by its catalog id in the UI language ("sentadilla_trasera_barra" → "Sentadilla
 * trasera con barra" / "Barbell back squat"). Until the catalog arrives, or for an id it lacks, the
 * id is shown as words.
 */
export function useExerciseNames(): (id: string) => string {
  const client = useClient();
  const { i18n } = useTranslation();
  const [catalog, setCatalog] = useState<ReadonlyMap<string, CatalogExercise> | null>(null);

  useEffect(() => {
    let alive = true;
    loadCatalog(client).then(
      (map) => alive && setCatalog(map),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [client]);

  const english = i18n.language === 'en';
  return (id: string): string => {
    const entry = catalog?.get(id);
    if (!entry) return humanize(id);
    return english ? entry.name_en : entry.nombre;
  };
}
