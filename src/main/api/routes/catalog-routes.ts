import type { FastifyInstance } from 'fastify';
import { CatalogQuerySchema } from '@shared/api';
import { toCatalogExercise } from '@shared/exercise';
import { getCatalog } from '../../pipeline/catalog';
import type { ApiDependencies } from '../deps';
import { parseInput } from '../validate';

/** The exercise catalog, read-only: what the plan screen needs to name exercises by their ids. */
export function registerCatalogRoutes(admin: FastifyInstance, _deps: ApiDependencies): void {
  admin.get('/catalog/exercises', async (request) => {
    parseInput(CatalogQuerySchema, request.query, 'query');
    const items = getCatalog().exercises.map(toCatalogExercise);
    return { success: true, total: items.length, items };
  });
}
