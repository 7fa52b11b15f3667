import { describe, expect, it } from 'vitest';
import { ApiErrorResponseSchema, SubmitQuestionnaireResponseSchema } from '../../../src/shared/api';
import { formatValidationErrors, validateQuestionnaire } from '../../../src/shared/questionnaire-validation';
import { useApiServer, validResponses } from '../../support/api-harness';

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

  it('a known client is reused, not overwritten', async () => {
    await api.repos.users.create({ _id: 'cliente-existente', nombre_completo: 'Nombre Del Coach' });
    const response = await submit({ user_id: 'cliente-existente', responses: validResponses() });
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
      error: 'invalid_request',
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

    const empty = await api.request('POST', '/submit-nutrition-questionnaire', { raw: '', token: false });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ success: false, error: 'empty_body' });

    const noBody = await api.request('POST', '/submit-nutrition-questionnaire', { token: false });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json()).toMatchObject({ error: 'invalid_request', errors: [{ field: 'body' }] });

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
