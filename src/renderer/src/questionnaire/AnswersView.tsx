import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../components/Section';
import type { AnswerBlock, AnswerRow, ReadOnlyAnswers } from './answers';

/** Text keeps its line breaks; a stored object or list (`code`: shown as JSON) is shown as code. */
function Value({ text, code }: { text: string; code?: boolean }): React.JSX.Element {
  if (code && /^[{[]/.test(text) && text.includes('\n'))
    return (
      <Code block data-testid="answer-json">
        {text}
      </Code>
    );
  return <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Text>;
}

function Rows({ rows, code }: { rows: readonly AnswerRow[]; code?: boolean }): React.JSX.Element {
  return (
    <Table.Tbody>
      {rows.map((row, index) => (
        <Table.Tr key={`${index}:${row.label}`} data-testid="answer-row">
          <Table.Th scope="row" w="40%" style={{ verticalAlign: 'top', fontWeight: 500 }}>
            {row.label}
          </Table.Th>
          <Table.Td style={{ verticalAlign: 'top' }}>
            <Value text={row.value} code={code} />
          </Table.Td>
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
}

function Blocks({ blocks }: { blocks: readonly AnswerBlock[] }): React.JSX.Element {
  return (
    <Stack gap="xs">
      {blocks.map((block, index) => (
        <div key={index}>
          {block.title && (
            <Text fw={600} size="sm">
              {block.title}
            </Text>
          )}
          <Table withRowBorders={false} verticalSpacing={2}>
            <Rows rows={block.rows} />
          </Table>
        </div>
      ))}
    </Stack>
  );
}

/**
 * A submitted questionnaire, read-only: one section per form section with an answer, each answer
 * under its label (list items and sub-answers nested), then the answers the form does not know
 * with their stored key and value.
 */
export function AnswersView({ answers }: { answers: ReadOnlyAnswers }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack data-testid="questionnaire-answers">
      {answers.sections.map((section) => (
        <Section key={section.id} title={section.title}>
          <Table data-testid={`answers-${section.id}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('questionnaire.view.question')}</Table.Th>
                <Table.Th>{t('questionnaire.view.answer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {section.entries.map((entry) => (
                <Table.Tr key={entry.field} data-testid={`answer-${entry.field}`}>
                  <Table.Th scope="row" w="30%" style={{ verticalAlign: 'top' }}>
                    {entry.label}
                  </Table.Th>
                  <Table.Td>
                    {entry.blocks ? <Blocks blocks={entry.blocks} /> : <Value text={entry.value ?? ''} />}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      ))}
      {answers.others.length > 0 && (
        <Section title={t('questionnaire.view.others')}>
          <Text size="sm" c="dimmed">
            {t('questionnaire.view.othersHint')}
          </Text>
          <Table data-testid="answers-others">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('questionnaire.view.key')}</Table.Th>
                <Table.Th>{t('questionnaire.view.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Rows rows={answers.others} code />
          </Table>
        </Section>
      )}
    </Stack>
  );
}
