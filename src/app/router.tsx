import { lazy, Suspense } from 'react'
import { LoadingState } from '@/components/state-views'
import { matchPath, useHashLocation } from '@/lib/router/hash-router'
import { AppLayout } from './layout'
import { BriefingRoute } from './routes/briefing'
import { GroupRoute } from './routes/group'
import { NotFoundRoute } from './routes/not-found'
import { OverviewRoute } from './routes/overview'
import { ScreenRoute } from './routes/screen'

// Views that the overview does not need load on demand, so they cost nothing on first load.
const CompareRoute = lazy(() => import('./routes/compare'))
const ImportRoute = lazy(() => import('./routes/import'))

/**
 * The routes: #/ (overview), #/group/:groupId (a group's page), #/screen (the hall screen, outside
 * the desk layout), anything else is "not found" inside the layout.
 */
export function AppRoutes() {
  const { pathname } = useHashLocation()
  if (matchPath('/screen', pathname)) return <ScreenRoute />
  const group = matchPath('/group/:groupId', pathname)
  return (
    <AppLayout>
      {pathname === '/' ? (
        <OverviewRoute />
      ) : pathname === '/compare' ? (
        <Suspense fallback={<LoadingState />}>
          <CompareRoute />
        </Suspense>
      ) : pathname === '/briefing' ? (
        <BriefingRoute />
      ) : pathname === '/import' ? (
        <Suspense fallback={<LoadingState />}>
          <ImportRoute />
        </Suspense>
      ) : group?.groupId ? (
        <GroupRoute groupId={group.groupId} />
      ) : (
        <NotFoundRoute />
      )}
    </AppLayout>
  )
}
