import { Component, type ErrorInfo, type ReactNode } from 'react'
import './root-error-boundary.css'

interface Props {
  /** Changes when the user goes elsewhere (the hash): the boundary then tries again. */
  resetKey: string
  children: ReactNode
}

interface State {
  failed: boolean
  key: string
}

/**
 * The last line: whatever a route throws (a mangled link, a bug), the page says in Chinese what
 * happened and offers a way back, instead of going blank. Panels have their own boundaries, so
 * this only shows when a whole view fails. The technical detail goes to the console.
 */
export class RootErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, key: this.props.resetKey }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('页面显示出错', error, info.componentStack)
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <main className="root-error" role="alert">
        <h1>页面显示出错</h1>
        <p>这个页面未能显示,可能是链接不完整或已损坏。其余页面不受影响。</p>
        <p className="root-error__actions">
          <a className="button" href="#/">
            返回总览
          </a>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            重新加载
          </button>
        </p>
      </main>
    )
  }
}
