import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
} from 'react'

/**
 * A hash router in one file. The app has four routes and needs: the current path and query inside
 * the hash, links, and replacing the query. react-router did that for 30 KiB gzip of the first
 * load; this does it with `hashchange` and `useSyncExternalStore`. Hash URLs keep the build plain
 * static files: any host, any sub-path, and a copied link (…/#/group/x?year=2023) reopens the view.
 */

export interface HashLocation {
  pathname: string
  search: string
}

const EVENT = 'hashchange'

function read(): string {
  return window.location.hash.replace(/^#/, '') || '/'
}

export function parseHash(hash: string): HashLocation {
  const raw = hash.replace(/^#/, '') || '/'
  const q = raw.indexOf('?')
  const pathname = (q < 0 ? raw : raw.slice(0, q)) || '/'
  const search = q < 0 ? '' : raw.slice(q)
  return {
    pathname: pathname.startsWith('/') ? pathname : `/${pathname}`,
    search: search === '?' ? '' : search,
  }
}

/** Where the hash points now, read outside render (by writers that patch the query). */
export function currentLocation(): HashLocation {
  return parseHash(read())
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange)
  return () => window.removeEventListener(EVENT, onChange)
}

export function useHashLocation(): HashLocation {
  const hash = useSyncExternalStore(subscribe, read, () => '/')
  return useMemo(() => parseHash(hash), [hash])
}

export type To = string | { pathname?: string; search?: string }

export function hrefOf(to: To, current: HashLocation = parseHash(read())): string {
  if (typeof to === 'string') return `#${to}`
  const pathname = to.pathname ?? current.pathname
  const search = to.search ?? ''
  return `#${pathname}${search && !search.startsWith('?') ? `?${search}` : search}`
}

export function navigate(to: To, options: { replace?: boolean } = {}): void {
  const href = hrefOf(to)
  if (href === window.location.hash) return
  if (options.replace) {
    window.history.replaceState(window.history.state, '', href)
    window.dispatchEvent(new HashChangeEvent(EVENT))
  } else {
    window.location.hash = href
  }
}

/** The query inside the hash, and a setter that replaces or pushes it. */
export function useSearchParams(): [
  URLSearchParams,
  (next: URLSearchParams, options?: { replace?: boolean }) => void,
] {
  const { pathname, search } = useHashLocation()
  const params = useMemo(() => new URLSearchParams(search), [search])
  const set = useCallback(
    (next: URLSearchParams, options?: { replace?: boolean }) => {
      const q = next.toString()
      navigate({ pathname, search: q ? `?${q}` : '' }, options)
    },
    [pathname],
  )
  return [params, set]
}

/** decodeURIComponent that never throws: a broken escape (`%`, `%E4%B8`) stays as it was typed. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Matches "/group/:groupId" against a pathname; returns the params or null. A mangled link
 * (`#/group/%`) matches with its text as typed rather than throwing.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const a = pattern.split('/').filter(Boolean)
  const b = pathname.split('/').filter(Boolean)
  if (a.length !== b.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!
    const v = b[i]!
    if (p.startsWith(':')) params[p.slice(1)] = safeDecode(v)
    else if (p !== v) return null
  }
  return params
}

/** Whether `pathname` is `target` or below it, segment by segment (/group/a is not /group/ab). */
export function isActivePath(target: string, pathname: string, end = false): boolean {
  if (end || target === '/') return pathname === target
  const base = target.replace(/\/+$/, '')
  return pathname === base || pathname.startsWith(`${base}/`)
}

/**
 * Scroll as on a multi-page site: another page starts at the top, and a page opened again in this
 * tab (back, forward or a link) returns to where it was left. Positions are kept per path.
 */
export function useScrollRestoration(): void {
  const { pathname } = useHashLocation()
  useLayoutEffect(() => {
    const saved = scrollPositions.get(pathname)
    window.scrollTo(0, saved ?? 0)
    const remember = () => scrollPositions.set(pathname, window.scrollY)
    window.addEventListener('scroll', remember, { passive: true })
    return () => window.removeEventListener('scroll', remember)
  }, [pathname])
}

const scrollPositions = new Map<string, number>()

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: To }

/** A plain anchor to a hash URL: it works without JavaScript and opens in a new tab as expected. */
export function Link({ to, ...rest }: LinkProps) {
  const location = useHashLocation()
  return <a href={hrefOf(to, location)} {...rest} />
}

/** A link that knows whether it points at the current page (class "active", aria-current). */
export function NavLink({
  to,
  end = false,
  className,
  onClick,
  ...rest
}: LinkProps & { end?: boolean }) {
  const location = useHashLocation()
  const target =
    typeof to === 'string' ? parseHash(to).pathname : (to.pathname ?? location.pathname)
  const active = isActivePath(target, location.pathname, end)
  return (
    <a
      href={hrefOf(to, location)}
      className={[className, active ? 'active' : ''].filter(Boolean).join(' ') || undefined}
      aria-current={active ? 'page' : undefined}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => onClick?.(e)}
      {...rest}
    />
  )
}
