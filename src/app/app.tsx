import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { RouterProvider } from 'react-router'
import { RuntimeConfigContext } from '@/config/runtime-config-context'
import type { LoadedConfig } from '@/config/runtime-config'
import { createQueryClient } from '@/lib/query-client'
import { useUiStore } from '@/stores/ui-store'
import { createAppRouter } from './router'

export function App({ loaded }: { loaded: LoadedConfig }) {
  const [queryClient] = useState(() => createQueryClient(loaded.config))
  const [router] = useState(() => {
    useUiStore.getState().setShowDemo(loaded.config.showDemoData)
    return createAppRouter()
  })
  return (
    <RuntimeConfigContext.Provider value={loaded}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </RuntimeConfigContext.Provider>
  )
}
