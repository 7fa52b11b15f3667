import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient } from '../api/client-store';

/**
 * Before generating: how many answers of the chosen questionnaire are still open questions, with a
 * way to the questionnaire where the coach resolves them. A job with open questions may be stopped
 * by the health screening (SCR-10) or treat them as restrictions.
 */
export function OpenReviewsNotice({
  userId,
  submissionId,
}: {
  userId: string;
  submissionId: string | null;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  const api = useClient();
  const [open, setOpen] = useState<{ submissionId: string; count: number } | null>(null);

  useEffect(() => {
    if (!submissionId) return;
    let current = true;
    api.getQuestionnaireReading(submissionId).then(
      (data) => current && setOpen({ submissionId, count: data.reading.needs_review.length }),
      // Only a help: the job reads and screens the answers itself, so a failed look stays quiet.
      () => current && setOpen(null),
    );
    return () => {
      current = false;
    };
  }, [api, submissionId]);

  if (!submissionId || open?.submissionId !== submissionId || open.count === 0) return null;
  const path = `/clients/${encodeURIComponent(userId)}/questionnaires/${encodeURIComponent(submissionId)}`;
  return (
    <Alert color="orange" variant="light" role="status" data-testid="generate-open-reviews">
      <Stack gap={4}>
        <Text size="sm">{t('reading.generateWarning', { count: open.count })}</Text>
        <Anchor component={Link} to={path} size="sm" data-testid="generate-open-reviews-link">
          {t('reading.generateLink')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
