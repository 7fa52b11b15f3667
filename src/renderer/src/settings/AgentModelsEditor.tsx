import { Autocomplete, Badge, Button, Group, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceTable } from '@shared/pricing';
import { CODE_AGENT_IDS, type AgentId } from '@shared/agent-names';
import { AGENT_NAMES, agentName } from '../agents';

export interface AgentModelsEditorProps {
  /** Per-agent overrides; an agent without one uses `defaultModel`. */
  agentModels: Record<string, string>;
  defaultModel: string;
  prices: PriceTable;
  onSave(agentModels: Record<string, string>): Promise<void>;
}

const MODEL_NAME = /^[\w.:/@-]{1,128}$/;

/**
 * Ajustes → which model each of the 18 agents calls (e.g. a stronger model for the auditors). Any
 * name the endpoint serves is allowed; one missing from the price table is flagged, since its cost
 * will show as unknown.
 */
export function AgentModelsEditor({
  agentModels,
  defaultModel,
  prices,
  onSave,
}: AgentModelsEditorProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Record<string, string>>(agentModels);
  const [saving, setSaving] = useState(false);
  const models = Object.keys(prices).sort();
  const cleaned = Object.fromEntries(
    Object.entries(draft)
      .map(([agent, model]) => [agent, model.trim()] as const)
      .filter(([, model]) => model !== '' && model !== defaultModel),
  );
  const invalid = Object.entries(draft).filter(([, m]) => m.trim() !== '' && !MODEL_NAME.test(m.trim()));
  const dirty = JSON.stringify(cleaned) !== JSON.stringify(agentModels);

  async function save(): Promise<void> {
    setSaving(true);
    try {
      await onSave(cleaned);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div data-testid="agent-models">
      <Text size="xs" c="dimmed" mb="xs">
        {t('settings.agentModelsHelp', { model: defaultModel })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
        {Object.keys(AGENT_NAMES)
          .filter((agent) => !CODE_AGENT_IDS.includes(agent as AgentId))
          .map((agent) => {
            const value = draft[agent] ?? '';
            const effective = value.trim() || defaultModel;
            const bad = value.trim() !== '' && !MODEL_NAME.test(value.trim());
            return (
              <Autocomplete
                key={agent}
                label={agentName(agent, i18n.language)}
                placeholder={t('settings.agentModelDefault', { model: defaultModel })}
                data={models}
                value={value}
                onChange={(next) => setDraft({ ...draft, [agent]: next })}
                error={bad ? t('settings.agentModelInvalid') : undefined}
                rightSectionWidth={110}
                rightSection={
                  !bad && !prices[effective] ? (
                    <Badge color="yellow" variant="light" size="xs">
                      {t('settings.agentModelUnpriced')}
                    </Badge>
                  ) : null
                }
                data-testid={`agent-model-${agent}`}
              />
            );
          })}
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button
          onClick={() => void save()}
          loading={saving}
          disabled={!dirty || invalid.length > 0}
          data-testid="agent-models-save"
        >
          {t('settings.agentModelsSave')}
        </Button>
      </Group>
    </div>
  );
}
