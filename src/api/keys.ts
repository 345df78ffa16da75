/** Query keys of the dataset endpoints, from general to specific. */
export const datasetKeys = {
  all: ['dataset'] as const,
  meta: () => [...datasetKeys.all, 'meta'] as const,
  indicators: () => [...datasetKeys.all, 'indicators'] as const,
  facts: () => [...datasetKeys.all, 'facts'] as const,
  organizations: () => [...datasetKeys.all, 'organizations'] as const,
  observations: () => [...datasetKeys.all, 'observations'] as const,
}
