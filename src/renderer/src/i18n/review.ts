/*
 * Texts of the plan's review: state, approval, versions, differences, restore, regeneration (issue
 * 16). Spanish first; `reviewEn` must have the same keys (the i18n test checks every key).
 */
export const reviewEs = {
  title: 'Revisión del plan',
};

export const reviewEn: typeof reviewEs = {
  title: 'Plan review',
};
