import { Alert, Button, FileButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconSend } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { QuestionnaireSubmission } from '@shared/questionnaire';
import type { User } from '@shared/user';
import { useClient } from '../api/client-store';
import { LoadError } from '../clients/LoadError';
import { clientLoadErrorText } from '../clients/load-error-text';
import { errorText } from '../components/error-text';
import { formatDateTime } from '../format';
import { currentLang } from '../i18n';
import {
  clientContact,
  contactChanges,
  importedAnswers,
  withContact,
  type ClientContact,
  type ContactChange,
} from '../questionnaire/client-contact';
import { ErrorSummary } from '../questionnaire/ErrorSummary';
import { QUESTIONNAIRE_SECTIONS, type ResponsesForm } from '../questionnaire/fields';
import { formResolver } from '../questionnaire/form-validation';
import { ImportConflictModal } from '../questionnaire/ImportConflictModal';
import { prepareAnswers, submittedResponses } from '../questionnaire/imported-answers';
import { ImportedAnswersSummary } from '../questionnaire/ImportedAnswersSummary';
import { LiveReading } from '../questionnaire/LiveReading';
import { QuestionnaireField } from '../questionnaire/QuestionnaireField';
import { useImportedAnswers } from '../questionnaire/useImportedAnswers';
import { useLiveValidation } from '../questionnaire/useLiveValidation';

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

/** An imported file waiting for the coach to say whose name, email and phone to keep. */
interface PendingImport {
  answers: Record<string, unknown>;
  changes: ContactChange[];
}

const NO_CONTACT: ClientContact = { nombre_completo: '', email: '', telefono: '' };

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
  const [contact, setContact] = useState<ClientContact>(NO_CONTACT);
  const [pendingImport, setPendingImport] = useState<PendingImport | null>(null);
  const resetImport = useRef<() => void>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useForm<ResponsesForm>({
    resolver: formResolver,
    mode: 'onSubmit',
    // Re-checked by useLiveValidation, as a whole, after the first submit attempt.
    reValidateMode: 'onSubmit',
  });
  useLiveValidation(form);
  // Optional answers the inputs cannot hold as they came, kept beside the form (imported-answers.ts).
  const imported = useImportedAnswers();
  const { load: loadImported } = imported;

  /**
   * Fills the form with answers that did not come from it (a file, an earlier submission): what
   * is understood with certainty fills the inputs, the rest waits beside them to be confirmed.
   */
  const fill = useCallback(
    (answers: Record<string, unknown>) => {
      const prepared = prepareAnswers(answers, currentLang());
      loadImported(prepared.imported);
      form.reset(prepared.values);
    },
    [form, loadImported],
  );

  useEffect(() => {
    let current = true;
    setFailure(null);
    // The questionnaires too: the one to start from, and the phone when the client record has none
    // (only a help for a new questionnaire, which still opens if they cannot be read).
    const questionnaires = fromId ? api.listQuestionnaires(id) : api.listQuestionnaires(id).catch(() => []);
    Promise.all([api.getClient(id), questionnaires]).then(
      ([u, submissions]) => {
        if (!current) return;
        setUser(u);
        const base = fromId ? (submissions.find((s) => s._id === fromId) ?? null) : null;
        setBasedOn(base);
        const known = clientContact(u, submissions);
        setContact(known);
        fill(withContact(base ? base.responses : {}, known));
      },
      (error: unknown) => {
        if (current) setFailure(clientLoadErrorText(error, id, t));
      },
    );
    return () => {
      current = false;
    };
    // `t` only words the error (left out: a language change must not reset the answers).
  }, [api, id, fromId, fill, attempt]);

  async function submit(values: ResponsesForm): Promise<void> {
    try {
      await api.submitQuestionnaire(id, submittedResponses(values, imported.imports));
      notifications.show({ color: 'teal', message: t('questionnaire.submitted') });
      void navigate(`/clients/${encodeURIComponent(id)}`);
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    }
  }

  async function importFile(file: File | null): Promise<void> {
    if (!file) return;
    // The same file can be chosen again (e.g. after cancelling the question below).
    resetImport.current?.();
    let answers: Record<string, unknown> | null;
    try {
      answers = responsesOf(JSON.parse(await file.text()));
    } catch {
      answers = null; // not JSON
    }
    if (!answers) {
      notifications.show({ color: 'red', message: t('questionnaire.importFailed') });
      return;
    }
    // Another person's name or email in the file: the coach decides, it is never replaced unseen.
    const changes = contactChanges(answers, contact);
    if (changes.length > 0) setPendingImport({ answers, changes });
    else applyImport(answers, 'client');
  }

  function applyImport(answers: Record<string, unknown>, keep: 'client' | 'file'): void {
    setPendingImport(null);
    fill(importedAnswers(answers, contact, keep));
    const changed = keep === 'file' && contactChanges(answers, contact).length > 0;
    notifications.show({
      message: t(changed ? 'questionnaire.importedWithFileContact' : 'questionnaire.imported'),
    });
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
    <>
      <form noValidate onSubmit={(e) => void form.handleSubmit(submit)(e)} data-testid="questionnaire-form">
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h2">
              {t('questionnaire.title', { name: user?.nombre_completo ?? '' })}
            </Title>
            <FileButton
              resetRef={resetImport}
              // Not before the client is loaded: an import is compared with the client's contact.
              disabled={user === null}
              onChange={(f) => void importFile(f)}
              accept="application/json,.json"
              inputProps={{ 'aria-label': t('questionnaire.importLabel') }}
            >
              {(props) => (
                <Button
                  {...props}
                  disabled={user === null}
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
          <ErrorSummary control={form.control} />
          <ImportedAnswersSummary control={form.control} imports={imported.imports} />
          {QUESTIONNAIRE_SECTIONS.map((section) => (
            <Paper withBorder p="md" key={section.id} component="fieldset" style={{ border: undefined }}>
              <Title order={2} size="h4" mb="sm" component="legend">
                {t(`questionnaire.sections.${section.id}`)}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {section.fields.map((spec) => (
                  <QuestionnaireField
                    key={spec.name}
                    spec={spec}
                    control={form.control}
                    imported={imported.fieldOf(spec.name)}
                  />
                ))}
              </SimpleGrid>
            </Paper>
          ))}
          <LiveReading control={form.control} imports={imported.imports} />
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
      {pendingImport && (
        <ImportConflictModal
          changes={pendingImport.changes}
          onKeepClient={() => applyImport(pendingImport.answers, 'client')}
          onUseFile={() => applyImport(pendingImport.answers, 'file')}
          onCancel={() => setPendingImport(null)}
        />
      )}
    </>
  );
}
