import { Alert, Badge, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PlanAuditSchema } from '@shared/plans';
import { AuditBadge } from '../components/AuditBadge';
import { errorText } from '../components/error-text';
import { currentLang } from '../i18n';
import { enumLabelKey } from '../plan/enum-labels';
import type { TFunction } from 'i18next';
import type { FieldError } from '@shared/field-error';
import { editField } from './edit-stack';
import type { PreviewState } from './useEditSession';

/**
 * One edit's warning: "Cambio n.º 3: «sentadilla_trasera_barra» — Contraindicado…" (the host's
 * Spanish sentence without its field name) or, in English, the code's own sentence.
 */
function warningText(warning: FieldError, lang: 'es' | 'en', t: TFunction): string {
  const named = editField(warning.field.replace(/^body\./, ''));
  const text =
    lang === 'es'
      ? warning.message.replace(`${warning.field}: `, '')
      : t(`editor.warningCodes.${warning.code}`, { defaultValue: t('editor.warningCodes.other') });
  return named ? t('editor.reaudit.editNumber', { index: named.index + 1, text }) : text;
}

/**
 * The live re-audit: the host's E8/N8 checks on the edited plan (status and the checks that fail,
 * with their reasons), the edits' warnings, and what saving would change. With no edits it shows the
 * loaded version's own audit.
 */
export function ReauditPanel({
  baseAudit,
  editCount,
  preview,
}: {
  baseAudit: unknown;
  editCount: number;
  preview: PreviewState;
}): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const result = editCount > 0 ? preview.result : null;
  const audit = PlanAuditSchema.safeParse(result ? result.audit : baseAudit);
  const failing = audit.success ? audit.data.checks.filter((check) => !check.passed) : [];
  const blocked = audit.success && audit.data.status === 'bloqueado';

  return (
    <Paper withBorder p="md" data-testid="editor-reaudit" aria-live="polite" aria-busy={preview.pending}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('editor.reaudit.title')}
        </Title>
        {preview.pending ? (
          <Group gap={6} data-testid="editor-reaudit-pending">
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              {t('editor.reaudit.pending')}
            </Text>
          </Group>
        ) : (
          audit.success && <AuditBadge status={audit.data.status} />
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {editCount === 0 ? t('editor.reaudit.noEdits') : t('editor.reaudit.withEdits', { count: editCount })}
      </Text>
      {editCount > 0 && preview.error !== null && !preview.pending && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="sm" data-testid="editor-reaudit-error">
          {errorText(preview.error, t)}
        </Alert>
      )}
      <Stack gap="xs" opacity={preview.pending ? 0.6 : 1}>
        {!audit.success ? (
          <Text size="sm" c="dimmed">
            {t('plan.unparsed')}
          </Text>
        ) : failing.length === 0 ? (
          <Text size="sm" c="teal" data-testid="editor-reaudit-clean">
            {t('editor.reaudit.allPass')}
          </Text>
        ) : (
          <List spacing={6} size="sm" listStyleType="none" data-testid="editor-reaudit-failing">
            {failing.map((check) => (
              <List.Item key={check.id} data-testid="editor-reaudit-check" data-severity={check.severity}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge
                    size="sm"
                    miw="max-content"
                    variant="light"
                    color={check.severity === 'block' ? 'red' : check.severity === 'warn' ? 'yellow' : 'gray'}
                  >
                    {`${check.id} · ${t(enumLabelKey('severidad', check.severity))}`}
                  </Badge>
                  <Text size="sm">{check.reason}</Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {blocked && (
          <Alert color="red" variant="light" icon={<IconLock size={18} />} data-testid="editor-blocked-note">
            {t('editor.reaudit.blockedNote')}
          </Alert>
        )}
        {result && result.warnings.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('editor.reaudit.warnings')}
            </Text>
            <List size="sm" data-testid="editor-reaudit-warnings">
              {result.warnings.map((warning) => (
                <List.Item key={`${warning.field}-${warning.code}`}>
                  {warningText(warning, lang, t)}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {result && (
          <div>
            <Text size="sm" fw={600}>
              {t('editor.reaudit.changes')}
            </Text>
            {result.changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('editor.reaudit.noChanges')}
              </Text>
            ) : (
              <List size="sm" data-testid="editor-changes">
                {result.changes.map((change, index) => (
                  <List.Item key={index}>{change.text[lang]}</List.Item>
                ))}
              </List>
            )}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
