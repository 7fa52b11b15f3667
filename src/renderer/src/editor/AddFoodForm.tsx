import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditNumber } from './fields';
import { GRAMS, NEW_FOOD_GRAMS } from './nutrition-bounds';
import { OptionPicker, type PickOption } from './OptionPicker';

/** A table food and its grams, added at the end of a dish. */
export function AddFoodForm({
  dish,
  options,
  onAdd,
}: {
  dish: string;
  options: PickOption[];
  onAdd: (foodId: string, grams: number) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [food, setFood] = useState<string | null>(null);
  const [grams, setGrams] = useState(NEW_FOOD_GRAMS);
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <OptionPicker
        label={t('editor.nutrition.addFoodLabel', { dish })}
        hideLabel
        placeholder={t('editor.nutrition.addFood')}
        options={options}
        value={food}
        w={280}
        testId="editor-add-food"
        onPick={setFood}
      />
      <EditNumber
        label={t('editor.nutrition.newGrams', { dish })}
        hideLabel
        value={grams}
        min={GRAMS.min}
        max={GRAMS.max}
        w={96}
        onCommit={setGrams}
      />
      <Button
        size="xs"
        variant="light"
        mb={2}
        leftSection={<IconPlus size={14} />}
        disabled={!food}
        onClick={() => {
          if (!food) return;
          onAdd(food, grams);
          setFood(null);
          setGrams(NEW_FOOD_GRAMS);
        }}
      >
        {t('editor.nutrition.add')}
      </Button>
    </Group>
  );
}
