import { describe, expect, it } from 'vitest';
import { ApiErrorResponseSchema, CatalogResponseSchema } from '../../../src/shared/api';
import { useApiServer } from '../../support/api-harness';

const api = useApiServer();

describe('GET /admin/catalog/exercises', () => {
  it('lists every catalog exercise with its Spanish and English names', async () => {
    const response = await api.request('GET', '/admin/catalog/exercises');
    expect(response.statusCode).toBe(200);
    const body = CatalogResponseSchema.parse(response.json());
    expect(body.total).toBe(body.items.length);
    expect(body.items.length).toBeGreaterThan(200);
    expect(body.items.find((e) => e.id === 'sentadilla_trasera_barra')).toEqual({
      id: 'sentadilla_trasera_barra',
      nombre: 'Sentadilla trasera con barra',
      name_en: 'Barbell back squat',
      patron: 'sentadilla',
      musculos_primarios: ['cuadriceps', 'gluteos'],
      material: ['barra', 'discos', 'rack'],
      contraindicaciones: [
        'flexion_profunda_rodilla',
        'flexion_profunda_cadera',
        'carga_axial_columna',
        'valsalva',
        'carga_cervical',
      ],
    });
    expect(Object.keys(response.json().items[0]).sort()).toEqual(
      ['id', 'material', 'musculos_primarios', 'name_en', 'nombre', 'patron', 'contraindicaciones'].sort(),
    );
  });

  it('needs the admin token and refuses unknown query parameters by name', async () => {
    expect((await api.request('GET', '/admin/catalog/exercises', { token: false })).statusCode).toBe(401);
    const bad = await api.request('GET', '/admin/catalog/exercises?patron=sentadilla');
    expect(bad.statusCode).toBe(400);
    const error = ApiErrorResponseSchema.parse(bad.json());
    expect(error.errors?.[0]).toMatchObject({ field: 'query.patron', code: 'unknown_field' });
  });
});
