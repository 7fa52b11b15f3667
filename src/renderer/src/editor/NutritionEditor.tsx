import { Stack, Tabs, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readNutrition } from '@shared/client-plan/read-plans';
import { MenuPlanSchema } from '@shared/menu-plan';
import { clientRestrictions, dayTotalsAgainstTargets, foodOptions } from '@shared/plan-edits';
import { enumLabelKey } from '../plan/enum-labels';
import { DayTotals, LevelDot } from './DayTotals';
import { MealCard } from './MealCard';
import type { PickOption } from './OptionPicker';
import { usePushEdit } from './usePushEdit';
import type { EditSession } from './useEditSession';

/** The menus by day type, every meal's foods and grams editable, the day's totals live. */
export function NutritionEditor({ session }: { session: EditSession<'nutrition'> }): React.JSX.Element {
  const { t } = useTranslation();
  const plan = session.applied.plan;
  const menu = MenuPlanSchema.safeParse(plan.nutrition.menu_plan);
  const options = useMemo<PickOption[]>(
    () => foodOptions(session.base, clientRestrictions(session.base)),
    [session.base],
  );
  const timing = readNutrition(plan).timing;
  const timeOf = (meal: string): string | undefined => timing?.comidas.find((c) => c.nombre === meal)?.hora;
  const days = menu.success ? menu.data.menus : [];
  const [tab, setTab] = useState<string | null>(days[0]?.tipo_dia ?? null);

  const push = usePushEdit(session);

  if (!menu.success || days.length === 0) return <Text c="dimmed">{t('editor.nutrition.noMenu')}</Text>;

  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false} data-testid="nutrition-editor">
      <Tabs.List mb="sm">
        {days.map((day) => {
          const level = dayTotalsAgainstTargets(plan, day.tipo_dia)?.level ?? 'ok';
          return (
            <Tabs.Tab
              key={day.tipo_dia}
              value={day.tipo_dia}
              data-testid={`editor-day-tab-${day.tipo_dia}`}
              rightSection={level === 'ok' ? undefined : <LevelDot level={level} />}
            >
              {t(enumLabelKey('tipo_dia', day.tipo_dia))}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {days.map((day) => (
        <Tabs.Panel key={day.tipo_dia} value={day.tipo_dia}>
          <Stack>
            <DayTotals totals={dayTotalsAgainstTargets(plan, day.tipo_dia)} />
            {day.comidas.map((meal, mealIndex) => (
              <MealCard
                key={`${mealIndex}-${meal.nombre}`}
                menus={days}
                dayType={day.tipo_dia}
                meal={meal}
                index={mealIndex}
                count={day.comidas.length}
                time={timeOf(meal.nombre)}
                options={options}
                push={push}
              />
            ))}
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
