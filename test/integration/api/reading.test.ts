import { describe, expect, it } from 'vitest';
import { SubmissionReadingSchema } from '../../../src/shared/reading-api';
import { useApiServer, validResponses } from '../../support/api-harness';

// Real HTTP against the real MongoDB wire server: what the app understood, and the coach's corrections.
const api = useApiServer();

async function storeSubmission(userId: string, extra: Record<string, unknown>): Promise<string> {
  await api.repos.users.create({ _id: userId, nombre_completo: 'Cliente de prueba' });
  const submission = await api.repos.submissions.create(userId, validResponses(extra));
  return submission._id;
}

describe('GET /admin/submissions/{id}/reading', () => {
  it('reports every declaration found in free text, and every answer it could not classify', async () => {
    const id = await storeSubmission('lectura-1', {
      alergias: 'Nada importante, solo que el kiwi me pica en la boca',
      intolerancias_texto: 'Lactosa',
      lesiones_actuales: 'Menisco sin terminar de curar',
      notas_del_cliente: 'A veces me noto palpitaciones raras al subir escaleras',
      objetivo_fisico: 'Ganar músculo y definir',
    });
    const response = await api.request('GET', `/admin/submissions/${id}/reading`);
    expect(response.statusCode).toBe(200);
    const body = SubmissionReadingSchema.parse(response.json());
    const facts = body.reading.findings.map((f) => `${f.topic}:${f.code}${f.estado ? `/${f.estado}` : ''}`);
    expect(facts).toEqual(
      expect.arrayContaining(['alergia:alimento:kiwi', 'intolerancia:lactosa', 'lesion:rodilla/activa']),
    );
    expect(body.reading.goal.objetivo).toBe('recomposicion');
    expect(body.reading.needs_review).toEqual([
      expect.objectContaining({ field: 'notas_del_cliente', topic: 'parq', reason: 'uncertain' }),
    ]);
  });

  it('flags loose answers for review: an implausible value is kept and listed, a certain one is not', async () => {
    const submitted = await api.request('POST', '/submit-nutrition-questionnaire', {
      token: false,
      body: {
        user_id: 'lectura-suelta',
        responses: validResponses({
          horas_sueno: '30',
          nivel_estres: 'Medio',
          material_disponible: 'Gimnasio completo',
        }),
      },
    });
    expect(submitted.statusCode).toBe(201);
    const submittedBody = submitted.json() as {
      submission_id: string;
      loose_answers: { field: string; reason: string }[];
    };
    expect(submittedBody.loose_answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'horas_sueno', reason: 'implausible', value: '30' }),
        expect.objectContaining({ field: 'material_disponible', reason: 'kept_as_text' }),
      ]),
    );
    expect(submittedBody.loose_answers.some((answer) => answer.field === 'nivel_estres')).toBe(false);
    const reading = SubmissionReadingSchema.parse(
      (await api.request('GET', `/admin/submissions/${submittedBody.submission_id}/reading`)).json(),
    );
    expect(reading.loose_answers.map((answer) => [answer.field, answer.reason])).toEqual(
      expect.arrayContaining([
        ['horas_sueno', 'implausible'],
        ['material_disponible', 'kept_as_text'],
      ]),
    );
  });

  it('answers 404 for an unknown questionnaire and 401 without the token', async () => {
    expect((await api.request('GET', '/admin/submissions/no-existe/reading')).statusCode).toBe(404);
    expect(
      (await api.request('GET', '/admin/submissions/no-existe/reading', { token: false })).statusCode,
    ).toBe(401);
  });
});

describe('PUT /admin/submissions/{id}/reading', () => {
  it('stores the coach’s reading of an answer and uses it from then on', async () => {
    const text = 'A veces me noto palpitaciones raras al subir escaleras';
    const id = await storeSubmission('lectura-2', { notas_del_cliente: text });
    const response = await api.request('PUT', `/admin/submissions/${id}/reading`, {
      body: {
        corrections: [
          { field: 'notas_del_cliente', text, findings: [], note: 'Valorado por su cardióloga: benigno' },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    const body = SubmissionReadingSchema.parse(response.json());
    expect(body.reading.needs_review).toEqual([]);
    expect(body.reading.answers.find((a) => a.field === 'notas_del_cliente')).toMatchObject({
      status: 'none',
      corrected: true,
    });
    // Stored with the submission, so the next job reads the same thing.
    const stored = await api.repos.submissions.getRaw(id);
    expect(stored?.['reading_corrections']).toEqual([
      expect.objectContaining({
        field: 'notas_del_cliente',
        text,
        findings: [],
        corrected_at: expect.any(Date),
      }),
    ]);
    const again = SubmissionReadingSchema.parse(
      (await api.request('GET', `/admin/submissions/${id}/reading`)).json(),
    );
    expect(again.corrections).toHaveLength(1);
    expect(again.reading.needs_review).toEqual([]);
  });

  it('a correction can declare what the reader missed, and replaces an earlier one for the same answer', async () => {
    const id = await storeSubmission('lectura-3', {
      comida_favorita: 'La fruta con hueso me deja la boca rara',
    });
    const put = (findings: unknown[]) =>
      api.request('PUT', `/admin/submissions/${id}/reading`, {
        body: {
          corrections: [
            { field: 'comida_favorita', text: 'La fruta con hueso me deja la boca rara', findings },
          ],
        },
      });
    await put([{ topic: 'alergia', code: 'alimento:melocoton' }]);
    const body = SubmissionReadingSchema.parse(
      (
        await put([
          { topic: 'alergia', code: 'alimento:melocoton' },
          { topic: 'alergia', code: 'alimento:cereza' },
        ])
      ).json(),
    );
    expect(body.corrections).toHaveLength(1);
    expect(body.reading.findings.filter((f) => f.source === 'coach').map((f) => f.code)).toEqual([
      'alimento:melocoton',
      'alimento:cereza',
    ]);
  });

  it('a ticked "otra" with nothing beside it can be answered by the coach, which closes the question', async () => {
    const id = await storeSubmission('lectura-otra', { patologias: ['otra'] });
    const before = SubmissionReadingSchema.parse(
      (await api.request('GET', `/admin/submissions/${id}/reading`)).json(),
    );
    expect(before.reading.needs_review).toEqual([
      expect.objectContaining({ field: 'patologias', reason: 'unspecified' }),
    ]);
    const after = await api.request('PUT', `/admin/submissions/${id}/reading`, {
      body: {
        corrections: [
          { field: 'patologias', text: 'otra', findings: [{ topic: 'patologia', code: 'asma' }] },
        ],
      },
    });
    expect(after.statusCode).toBe(200);
    const body = SubmissionReadingSchema.parse(after.json());
    expect(body.reading.needs_review).toEqual([]);
    expect(body.reading.findings).toEqual([expect.objectContaining({ code: 'asma', source: 'coach' })]);
  });

  it('refuses a correction of an answer that does not exist or has changed, naming it', async () => {
    const id = await storeSubmission('lectura-4', { alergias: 'Marisco' });
    const response = await api.request('PUT', `/admin/submissions/${id}/reading`, {
      body: {
        corrections: [
          { field: 'alergias', text: 'Marisco y huevo', findings: [] },
          { field: 'inventado', text: 'x', findings: [] },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'validation_error',
      errors: [
        expect.objectContaining({ field: 'corrections.0.text', code: 'stale_answer' }),
        expect.objectContaining({ field: 'corrections.1.field', code: 'unknown_answer' }),
      ],
    });
    const invalid = await api.request('PUT', `/admin/submissions/${id}/reading`, {
      body: {
        corrections: [
          { field: 'alergias', text: 'Marisco', findings: [{ topic: 'desconocido', code: 'x' }] },
        ],
      },
    });
    expect(invalid.statusCode).toBe(400);
    // A code the topic does not have (a typo) is refused by name, never stored.
    const typo = await api.request('PUT', `/admin/submissions/${id}/reading`, {
      body: {
        corrections: [
          { field: 'alergias', text: 'Marisco', findings: [{ topic: 'alergia', code: 'marsico' }] },
        ],
      },
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'body.corrections.0.findings.0.code' })],
    });
    expect(invalid.json()).toMatchObject({
      error: 'validation_error',
      errors: [expect.objectContaining({ field: 'body.corrections.0.findings.0.topic' })],
    });
  });
});
