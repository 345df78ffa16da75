import { queryOptions, useQuery } from '@tanstack/react-query'
import { observationSchema } from '@/domain/schemas'
import { getCollection } from '@/lib/api-client'
import { datasetKeys } from './keys'
import { keepingGoodItems } from './keep-good-items'
import type { QueryTuning } from './query-tuning'

/** Observations; a malformed one becomes a problem of its indicator, so only that panel errs. */
export const getObservations = (signal?: AbortSignal) =>
  getCollection('observations.json', observationSchema, (raw) => raw.indicatorId, signal)

export const observationsQueryOptions = () =>
  queryOptions({
    queryKey: datasetKeys.observations(),
    queryFn: keepingGoodItems(getObservations, (item) => item.indicatorId),
  })

export const useObservations = (tuning?: QueryTuning) =>
  useQuery({ ...observationsQueryOptions(), ...tuning })
