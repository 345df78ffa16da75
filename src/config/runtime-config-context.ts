import { createContext, useContext } from 'react'
import { DEFAULT_CONFIG, type LoadedConfig } from './runtime-config'

export const RuntimeConfigContext = createContext<LoadedConfig>({
  config: DEFAULT_CONFIG,
  warning: null,
})

export const useRuntimeConfig = () => useContext(RuntimeConfigContext)
