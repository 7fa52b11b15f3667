import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorResponseSchema,
  SubmitQuestionnaireResponseSchema,
  UserSubmissionsResponseSchema,
} from '../../../src/shared/api';
import { IPC_CONTRACT } from '../../../src/shared/ipc-contract';
import { formatValidationErrors, validateQuestionnaire } from '../../../src/shared/questionnaire-validation';
import { createApiServer } from '../../../src/main/api/server';
import { silentLogger } from '../../../src/main/log/logger';
import {
  databaseHandle,
  TEST_TOKEN,
  testApiConfig,
  useApiServer,
  validResponses,
  apiHostParts,
} from '../../support/api-harness';

const api = useApiServer();
const submit = (body: unknown) =>
  api.request('POST', '/submit-nutrition-questionnaire', { body, token: false });

describe('POST /submit-nutrition-questionnaire', () => {
  it('stores the submission in the original schema and creates the unknown client from it', async () => {
    const responses = validResponses({ campo_de_otro_sistema: { libre: true } });
    const response = await submit({ user_id: 'cliente-nuevo-1', responses });
    expect(response.statusCode).toBe(201);
    const body = SubmitQuestionnaireResponseSchema.parse(response.json());
    expect(body).toMatchObject({ success: true, user_id: 'cliente-nuevo-1', user_created: true });

    const stored = await api.repos.submissions.getRaw(body.submission_id);
    // As sent: numbers as the original's strings, unknown answers kept, original field names.
    expect(stored).toMatchObject({
      _id: body.submission_id,
      user_id: 'cliente-nuevo-1',
      responses,
      plan_generated: false,
      plan_id: null,
    });
    expect(stored?.['submitted_at']).toBeInstanceOf(Date);
    const user = await api.repos.users.get('cliente-nuevo-1');
    expect(user).toMatchObject({ nombre_completo: 'Lucía Pérez Gómez', email: 'lucia.perez@example.com' });
  });

  it('with the admin token, a known client is reused, not overwritten', async () => {
    await api.repos.users.create({ _id: 'cliente-existente', nombre_completo: 'Nombre Del Coach' });
    const response = await api.request('POST', '/submit-nutrition-questionnaire', {
      body: { user_id: 'cliente-existente', responses: validResponses({ email: 'otra@example.com' }) },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ user_created: false });
    expect((await api.repos.users.get('cliente-existente'))?.nombre_completo).toBe('Nombre Del Coach');
  });

  it('names every bad field, with the original message format', async () => {
    const { altura_cm: _missing, ...rest } = validResponses();
    const responses: Record<string, unknown> = {
      ...rest,
      peso: 'mucho',
      email: 'no-es-un-email',
      sexo: undefined,
    };
    const response = await submit({ user_id: 'cliente-x', responses });
    expect(response.statusCode).toBe(400);
    const body = ApiErrorResponseSchema.parse(response.json());
    expect(body.error).toBe('validation_error');
    const fields = body.errors?.map((error) => error.field).sort();
    expect(fields).toEqual(['responses.altura_cm', 'responses.email', 'responses.peso', 'responses.sexo']);
    // Exactly the shared validator's message, so clients of the original see what they always saw.
    const expected = validateQuestionnaire({ _id: 'x', user_id: 'cliente-x', responses }, { lang: 'es' });
    expect(body.message).toBe(formatValidationErrors(expected.errors, 'es'));
    expect(body.message).toContain('❌ FORMATO DE CUESTIONARIO INVÁLIDO');
    expect(await api.repos.users.get('cliente-x')).toBeNull();
  });

  it('wrong types of user_id and responses are validation errors naming them', async () => {
    const response = await submit({ user_id: 42, responses: 'texto' });
    expect(response.statusCode).toBe(400);
    const body = ApiErrorResponseSchema.parse(response.json());
    expect(body.errors?.map((error) => error.field)).toEqual(['user_id', 'responses']);
  });

  it('an overlong user_id is refused before it becomes a client id', async () => {
    const response = await submit({ user_id: 'u'.repeat(129), responses: validResponses() });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_error', errors: [{ field: 'user_id' }] });
  });

  it('unknown top-level fields are refused by name', async () => {
    const response = await submit({ user_id: 'c', responses: validResponses(), extra: 1 });
    expect(response.statusCode).toBe(400);
    const body = ApiErrorResponseSchema.parse(response.json());
    expect(body).toMatchObject({
      error: 'validation_error',
      errors: [{ field: 'body.extra', code: 'unknown_field' }],
    });
    expect(body.message).toContain('body.extra');
    expect(body.message).toContain('user_id, responses');
  });

  it('malformed JSON, empty bodies, other content types and oversized bodies get JSON errors', async () => {
    const malformed = await api.request('POST', '/submit-nutrition-questionnaire', {
      raw: '{"user_id": "a",',
      token: false,
    });
    expect(malformed.statusCode).toBe(400);
    expect(ApiErrorResponseSchema.parse(malformed.json()).error).toBe('invalid_json');

    // An empty body is no body (issue 14 §6): refused by the route's validation, naming what it needs.
    const empty = await api.request('POST', '/submit-nutrition-questionnaire', { raw: '', token: false });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({
      success: false,
      error: 'validation_error',
      errors: [{ field: 'body' }],
    });

    const noBody = await api.request('POST', '/submit-nutrition-questionnaire', { token: false });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json()).toMatchObject({ error: 'validation_error', errors: [{ field: 'body' }] });

    const text = await api.request('POST', '/submit-nutrition-questionnaire', {
      raw: 'user_id=a',
      token: false,
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ error: 'unsupported_media_type' });

    const poisoned = await api.request('POST', '/submit-nutrition-questionnaire', {
      raw: '{"user_id":"a","responses":{},"__proto__":{"admin":true}}',
      token: false,
    });
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json()).toMatchObject({ error: 'invalid_json' });

    const big = JSON.stringify({ user_id: 'a', responses: { notas: 'x'.repeat(1024 * 1024) } });
    const oversized = await api.request('POST', '/submit-nutrition-questionnaire', {
      raw: big,
      token: false,
    });
    expect(oversized.statusCode).toBe(413);
    const body = ApiErrorResponseSchema.parse(oversized.json());
    expect(body).toMatchObject({ error: 'payload_too_large' });
    expect(body.message).toContain('1 MB');
  });
});

describe('over HTTP: the original format with loose optional answers (issue 12)', () => {
  // A second server on the same database, on a real socket, so the request travels as any client's.
  let server: FastifyInstance | undefined;
  let base = '';
  beforeAll(async () => {
    server = await createApiServer({
      config: testApiConfig({ port: 0 }),
      database: databaseHandle(api.testDb),
      repositories: api.repos,
      queue: api.queue,
      events: api.events,
      ...apiHostParts(api.testDb.db, api.events),
      worker: null,
      logger: silentLogger(),
      version: '0.0.0-test',
      options: { checkResponses: true },
    });
    await server.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  const original = {
    nombre_completo: 'Marta Ruiz Gil',
    email: 'marta.ruiz@example.com',
    fecha_nacimiento: '1988-11-02',
    sexo: 'MUJER',
    peso: '70,2',
    altura_cm: '168',
    objetivo_fisico: 'Perder grasa',
    profesion: 'Administrativa',
    entrenado_gimnasio: 'Sí, 1 año',
    // Keys this app types, written as the original's free text.
    material_disponible: 'Gimnasio completo',
    horas_sueno: '7',
    nivel_estres: 'Medio',
    lesiones: 'Menisco sin terminar de curar',
    // Implausible values: kept and flagged, never a reason to refuse.
    peso_objetivo_kg: '900 kg',
    dias_disponibles: 12,
    parq: { p1: 'No', p2: 'no sé' },
    campo_de_otro_sistema: { libre: [1, 'dos'] },
  };

  it('is accepted (201), stored as sent and read back without error', async () => {
    const submitted = await fetch(`${base}/submit-nutrition-questionnaire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 'cliente-original-12', responses: original }),
    });
    expect(submitted.status).toBe(201);
    const body = SubmitQuestionnaireResponseSchema.parse(await submitted.json());
    expect(body).toMatchObject({ success: true, user_id: 'cliente-original-12', user_created: true });

    const listed = await fetch(`${base}/admin/users/cliente-original-12/submissions`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(listed.status).toBe(200);
    const page = UserSubmissionsResponseSchema.parse(await listed.json());
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ _id: body.submission_id, plan_generated: false, plan_id: null });
    // The answers exactly as sent: no normalising at the door.
    expect(page.items[0]?.responses).toEqual(original);
    // The coach's app reads the same page with the IPC contract's schema (dates revived, as its
    // browser transport does).
    const revived = {
      ...page,
      items: page.items.map((item) => ({ ...item, submitted_at: new Date(item.submitted_at) })),
    };
    const typed = IPC_CONTRACT.listQuestionnaires.result.parse(revived);
    expect(typed.items[0]?.responses).toEqual(original);
  });

  it('a job reading the stored submission gets typed answers and the loose ones verbatim', async () => {
    const [stored] = (await api.repos.submissions.listForUser('cliente-original-12')).items;
    const raw = await api.repos.submissions.getRaw(stored?._id ?? '');
    const result = validateQuestionnaire(raw);
    expect(result.errors).toEqual([]);
    expect(result.data?.responses).toMatchObject({
      horas_sueno: 7,
      nivel_estres: 3,
      peso: 70.2,
      sexo: 'Mujer',
    });
    expect(result.data?.loose_answers.map(({ field, value, reason }) => ({ field, value, reason }))).toEqual([
      { field: 'material_disponible', value: 'Gimnasio completo', reason: 'kept_as_text' },
      { field: 'lesiones', value: 'Menisco sin terminar de curar', reason: 'kept_as_text' },
      { field: 'peso_objetivo_kg', value: '900 kg', reason: 'implausible' },
      { field: 'dias_disponibles', value: 12, reason: 'implausible' },
      { field: 'parq', value: { p1: 'No', p2: 'no sé' }, reason: 'partly_understood' },
    ]);
  });

  it('the same answers through the original endpoint with a bad required field still fail as before', async () => {
    const response = await fetch(`${base}/submit-nutrition-questionnaire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 'cliente-original-13', responses: { ...original, peso: 'setenta' } }),
    });
    expect(response.status).toBe(400);
    const error = ApiErrorResponseSchema.parse(await response.json());
    // Only the required field: the loose optional answers are not errors.
    expect(error.errors?.map((entry) => entry.field)).toEqual(['responses.peso']);
  });
});
