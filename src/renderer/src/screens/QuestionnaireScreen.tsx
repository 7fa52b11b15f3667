import { Alert, Button, FileButton, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { QuestionnaireSubmission } from '@shared/questionnaire';
import type { QuestionnaireError } from '@shared/questionnaire-validation';
import type { User } from '@shared/user';
import { useClient } from '../api/client-store';
import { LoadError } from '../clients/LoadError';
import { clientLoadErrorText } from '../clients/load-error-text';
import { errorText } from '../components/error-text';
import { formatDateTime } from '../format';
import { QUESTIONNAIRE_SECTIONS, toResponses, type ResponsesForm } from '../questionnaire/fields';
import { QuestionnaireField } from '../questionnaire/QuestionnaireField';
import { questionnaireResolver, validateResponses } from '../questionnaire/resolver';

/** A submission in the original format: `{user_id?, responses}` (or the bare responses object). */
const ImportSchema = z.union([
  z.looseObject({ responses: z.record(z.string(), z.unknown()) }),
  z.record(z.string(), z.unknown()),
]);

function responsesOf(json: unknown): Record<string, unknown> | null {
  const parsed = ImportSchema.safeParse(json);
  if (!parsed.success) return null;
  const value = parsed.data;
  const inner = value.responses;
  if (inner !== null && typeof inner === 'object' && !Array.isArray(inner))
    return inner as Record<string, unknown>;
  return value;
}

/** Cuestionario: ten sections, per-field errors from the shared validator, JSON import. */
export function QuestionnaireScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useClient();
  const navigate = useNavigate();
  const [user, setUser] = useState<User | null>(null);
  // "?from=<submission id>": a new questionnaire starting from an earlier one's answers (to fix a
  // failed validation, or record an update such as a medical authorisation, without retyping).
  const [searchParams] = useSearchParams();
  const fromId = searchParams.get('from');
  const [basedOn, setBasedOn] = useState<QuestionnaireSubmission | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<QuestionnaireError[]>([]);
  const form = useForm<ResponsesForm>({
    resolver: questionnaireResolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });

  useEffect(() => {
    let current = true;
    setFailure(null);
    Promise.all([api.getClient(id), fromId ? api.listQuestionnaires(id) : Promise.resolve(null)]).then(
      ([u, submissions]) => {
        if (!current) return;
        setUser(u);
        const base = submissions?.find((s) => s._id === fromId) ?? null;
        setBasedOn(base);
        form.reset(base ? base.responses : { nombre_completo: u.nombre_completo, email: u.email ?? '' });
      },
      (error: unknown) => {
        if (current) setFailure(clientLoadErrorText(error, id, t));
      },
    );
    return () => {
      current = false;
    };
    // `t` only words the error (left out: a language change must not reset the answers).
  }, [api, id, fromId, form, attempt]);

  async function submit(values: ResponsesForm): Promise<void> {
    setProblems([]);
    try {
      await api.submitQuestionnaire(id, toResponses(values));
      notifications.show({ color: 'teal', message: t('questionnaire.submitted') });
      void navigate(`/clients/${encodeURIComponent(id)}`);
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    }
  }

  async function importFile(file: File | null): Promise<void> {
    if (!file) return;
    try {
      const responses = responsesOf(JSON.parse(await file.text()));
      if (!responses) throw new Error('format');
      form.reset(responses);
      notifications.show({ message: t('questionnaire.imported') });
    } catch {
      notifications.show({ color: 'red', message: t('questionnaire.importFailed') });
    }
  }

  if (failure !== null)
    return (
      <LoadError
        title={t('questionnaire.loadFailed')}
        message={failure}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    );

  return (
    <form
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit(submit, () => setProblems(validateResponses(form.getValues())))(e)
      }
      data-testid="questionnaire-form"
    >
      <Stack>
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('questionnaire.title', { name: user?.nombre_completo ?? '' })}
          </Title>
          <FileButton
            onChange={(f) => void importFile(f)}
            accept="application/json,.json"
            inputProps={{ 'aria-label': t('questionnaire.importLabel') }}
          >
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconFileImport size={16} />}
                data-testid="questionnaire-import"
              >
                {t('questionnaire.import')}
              </Button>
            )}
          </FileButton>
        </Group>
        {basedOn && (
          <Alert color="blue" data-testid="questionnaire-based-on">
            {t('questionnaire.basedOn', { date: formatDateTime(basedOn.submitted_at) })}
          </Alert>
        )}
        {fromId && user && !basedOn && (
          <Alert color="yellow" data-testid="questionnaire-base-missing">
            {t('questionnaire.baseMissing')}
          </Alert>
        )}
        {problems.length > 0 && (
          <Alert
            color="red"
            title={t('questionnaire.errorsTitle')}
            role="alert"
            data-testid="questionnaire-errors"
          >
            <List size="sm">
              {problems.map((p) => (
                <List.Item key={`${p.field}:${p.code}`}>{p.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {QUESTIONNAIRE_SECTIONS.map((section) => (
          <Paper withBorder p="md" key={section.id} component="fieldset" style={{ border: undefined }}>
            <Title order={2} size="h4" mb="sm" component="legend">
              {t(`questionnaire.sections.${section.id}`)}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {section.fields.map((spec) => (
                <QuestionnaireField key={spec.name} spec={spec} control={form.control} />
              ))}
            </SimpleGrid>
          </Paper>
        ))}
        <Group justify="flex-end">
          <Text size="sm" c="dimmed">
            * {t('questionnaire.required')}
          </Text>
          <Button
            type="submit"
            leftSection={<IconSend size={16} />}
            loading={form.formState.isSubmitting}
            data-testid="questionnaire-submit"
          >
            {t('questionnaire.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
