import { Paper, Title } from '@mantine/core';

/** One titled section of a plan view; kept whole on a printed page (`plan-section`). */
export function PlanBlock({
  title,
  children,
}: {
  title: string;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <Paper withBorder p="md" className="plan-section">
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
