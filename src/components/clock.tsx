import { useEffect, useState } from 'react'
import { formatDateTime } from '@/lib/format'
import './clock.css'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** A live clock in China time; its one interval is cleared on unmount. */
export function Clock() {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(id)
  }, [])
  const text = formatDateTime(now)
  const weekday = WEEKDAYS[new Date(now + 8 * 3600_000).getUTCDay()]
  const seconds = String(Math.floor(now / 1000) % 60).padStart(2, '0')
  return (
    <time className="clock" dateTime={new Date(now).toISOString()}>
      <span className="clock__time">
        {text.slice(11)}:{seconds}
      </span>
      <span className="clock__date">
        {text.slice(0, 10)} 星期{weekday}
      </span>
    </time>
  )
}
