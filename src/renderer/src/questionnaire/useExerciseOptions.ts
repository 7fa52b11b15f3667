import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogExercise } from '@shared/exercise';
import { useClient } from '../api/client-store';
import type { CoachClient } from '../api/coach-client';

/** Loaded once per client: the catalog ships with the app and does not change while it runs. */
const cache = new WeakMap<CoachClient, Promise<CatalogExercise[]>>();

function loadCatalog(client: CoachClient): Promise<CatalogExercise[]> {
  let pending = cache.get(client);
  if (!pending) {
    pending = client.listExercises().catch((error: unknown) => {
      cache.delete(client); // the next form that needs it tries again
      throw error;
    });
    cache.set(client, pending);
  }
  return pending;
}

export interface ExerciseOption {
  value: string;
  label: string;
}

export interface ExerciseOptions {
  /** Catalog exercises by name in the UI language, alphabetically. */
  options: ExerciseOption[];
  /** The catalog could not be loaded (the picker then only shows the ids already chosen). */
  failed: boolean;
}

/** The exercise catalog as picker options ("Sentadilla trasera con barra" / "Barbell back squat"). */
export function useExerciseOptions(): ExerciseOptions {
  const client = useClient();
  const { i18n } = useTranslation();
  const [catalog, setCatalog] = useState<CatalogExercise[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let alive = true;
    loadCatalog(client).then(
      (items) => {
        if (alive) {
          setCatalog(items);
          setFailed(false);
        }
      },
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [client]);

  const english = i18n.language === 'en';
  const options = useMemo(() => {
    const collator = new Intl.Collator(english ? 'en' : 'es', { sensitivity: 'base' });
    return (catalog ?? [])
      .map((item) => ({ value: item.id, label: english ? item.name_en : item.nombre }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [catalog, english]);
  return { options, failed };
}
