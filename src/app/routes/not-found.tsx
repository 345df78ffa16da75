import { Link } from '@/lib/router/hash-router'
import './not-found.css'

export function NotFoundRoute() {
  return (
    <div className="state state--empty not-found">
      <p>没有这个页面。</p>
      <Link to="/">返回总览</Link>
    </div>
  )
}
