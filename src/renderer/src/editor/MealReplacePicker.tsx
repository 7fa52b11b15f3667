import { Checkbox, Group } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayType } from '@shared/agent-outputs/common';
import type { NutritionEdit } from '@shared/plan-edits';
import type { StoredMenuDay } from '@shared/menu-plan';
import { enumLabelKey } from '../plan/enum-labels';
import { mealChoices, replaceMealEdit } from './meal-choices';
import { OptionPicker, type PickOption } from './OptionPicker';

/**
 * "Sustituir la comida por…": another meal of the plan (any day type), or this same meal on another
 * day type, in place of this one's dishes. The meal keeps its name unless the coach ticks "use its
 * name too". A meal with a food the client must not eat is refused by the shared edit, as any other.
 */
export function MealReplacePicker({
  menus,
  dayType,
  index,
  meal,
  push,
}: {
  menus: readonly StoredMenuDay[];
  dayType: DayType;
  index: number;
  meal: string;
  push: (edit: NutritionEdit) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [takeName, setTakeName] = useState(false);
  const choices = useMemo(() => {
    // The plan's other meals first, then this meal on the other day types.
    const all = mealChoices(menus, dayType, index);
    return [...all.filter((c) => !c.sameMeal), ...all.filter((c) => c.sameMeal)];
  }, [menus, dayType, index]);
  const options: PickOption[] = choices.map((choice) => {
    const name = t('editor.nutrition.replaceMeal.option', {
      meal: choice.nombre,
      day: t(enumLabelKey('tipo_dia', choice.day_type)),
    });
    const reason = t('editor.nutrition.replaceMeal.notInTable');
    return {
      id: choice.id,
      name_es: name,
      name_en: name,
      allowed: choice.platos !== null,
      ...(choice.platos === null ? { reason: { es: reason, en: reason } } : {}),
      group: choice.sameMeal
        ? t('editor.nutrition.replaceMeal.sameMeal', { meal })
        : t('editor.nutrition.replaceMeal.otherMeals'),
    };
  });
  return (
    <Group gap="xs" align="center" wrap="wrap" data-testid="editor-replace-meal-row">
      <OptionPicker
        label={t('editor.nutrition.replaceMeal.label', { meal })}
        hideLabel
        placeholder={t('editor.nutrition.replaceMeal.placeholder')}
        options={options}
        value={null}
        w={280}
        testId="editor-replace-meal"
        onPick={(id) => {
          const choice = choices.find((c) => c.id === id);
          if (choice?.platos)
            push(replaceMealEdit(dayType, index, { ...choice, platos: choice.platos }, takeName));
        }}
      />
      <Checkbox
        size="xs"
        checked={takeName}
        onChange={(event) => setTakeName(event.currentTarget.checked)}
        label={t('editor.nutrition.replaceMeal.takeName')}
        aria-label={t('editor.nutrition.replaceMeal.takeNameLabel', { meal })}
        data-testid="editor-replace-meal-name"
      />
    </Group>
  );
}
