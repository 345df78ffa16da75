import { queryOptions, useQuery } from '@tanstack/react-query'
import { organizationsResponseSchema } from '@/domain/schemas'
import { getResource } from '@/lib/api-client'
import { datasetKeys } from './keys'
import type { QueryTuning } from './query-tuning'

export const getOrganizations = async (signal?: AbortSignal) =>
  (await getResource('organizations.json', organizationsResponseSchema, signal)).items

export const organizationsQueryOptions = () =>
  queryOptions({
    queryKey: datasetKeys.organizations(),
    queryFn: ({ signal }) => getOrganizations(signal),
  })

export const useOrganizations = (tuning?: QueryTuning) =>
  useQuery({ ...organizationsQueryOptions(), ...tuning })
