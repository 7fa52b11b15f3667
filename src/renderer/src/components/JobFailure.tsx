import { Alert, Code, List, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PublicJob } from '@shared/job';
import { jobFailureLines } from './job-failure-lines';

/**
 * Why a job failed, readable: the reason in words and, for validation errors and blocking
 * screening checks, one line per field (its label in the coach's language, then what is wrong).
 */
export function JobFailure({ job }: { job: PublicJob }): React.JSX.Element {
  const { t } = useTranslation();
  const lines = jobFailureLines(job, t);
  const reason = job.error_reason ? t(`jobs.reasons.${job.error_reason}`) : t('progress.failed');
  return (
    <Alert color="red" icon={<IconX size={18} />} title={reason} data-testid="progress-error" role="alert">
      {lines.length > 0 ? (
        <>
          <Text size="sm" fw={600} mb={4}>
            {t('progress.fieldErrors')}
          </Text>
          <List size="sm" data-testid="progress-field-errors">
            {lines.map((line, index) => (
              <List.Item key={`${index}:${line.label ?? ''}:${line.text}`}>
                {line.label !== null && (
                  <Text span size="sm" fw={600}>
                    {line.label}:{' '}
                  </Text>
                )}
                {line.text}
              </List.Item>
            ))}
          </List>
        </>
      ) : (
        <Code block>{job.error_message ?? ''}</Code>
      )}
    </Alert>
  );
}
