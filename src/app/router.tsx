import { matchPath, useHashLocation } from '@/lib/router/hash-router'
import { AppLayout } from './layout'
import { GroupRoute } from './routes/group'
import { NotFoundRoute } from './routes/not-found'
import { OverviewRoute } from './routes/overview'
import { ScreenRoute } from './routes/screen'

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
      {(state) =>
        pathname === '/' ? (
          <OverviewRoute state={state} />
        ) : group?.groupId ? (
          <GroupRoute groupId={group.groupId} state={state} />
        ) : (
          <NotFoundRoute />
        )
      }
    </AppLayout>
  )
}
