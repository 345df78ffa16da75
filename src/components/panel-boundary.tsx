import { Component, type ErrorInfo, type ReactNode } from 'react'
import { ErrorState } from './state-views'

interface Props {
  /** What the panel shows, for the message: "「存量文件监测」显示出错". */
  name: string
  children: ReactNode
}

interface State {
  failed: boolean
}

/**
 * Catches a render error inside one panel, card or chart, and shows it there in words. The rest of
 * the page keeps working; a render error never blanks the screen.
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept for the operator's console; the user sees the message below, never the raw error.
    console.warn(`面板「${this.props.name}」渲染出错`, error, info.componentStack)
  }

  override render() {
    if (this.state.failed) {
      return (
        <ErrorState
          message={`「${this.props.name}」显示出错,其余内容不受影响`}
          onRetry={() => this.setState({ failed: false })}
        />
      )
    }
    return this.props.children
  }
}
