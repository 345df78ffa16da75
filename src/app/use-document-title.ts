import { useEffect } from 'react'
import { useHashLocation } from '@/lib/router/hash-router'
import { GROUPS } from '@/domain/groups'

const BASE = '通州湾示范区法治政府建设指标看板'

/** The tab title names the page; it is set as text (document.title), never as markup. */
export function useDocumentTitle() {
  const { pathname } = useHashLocation()
  useEffect(() => {
    const group = GROUPS.find((g) => pathname === `/group/${g.id}`)
    document.title = group ? `${group.name} · ${BASE}` : BASE
  }, [pathname])
}
