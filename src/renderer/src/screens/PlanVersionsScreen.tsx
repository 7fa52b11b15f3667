import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A plan's versions, differences, restore and regeneration (`/plans/:kind/:planId/versions`; issue 16). */
export function PlanVersionsScreen(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Title order={1} size="h2">
      {t('review.title')}
    </Title>
  );
}
