import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Named in the console with the error. */
  where: string;
  fallback: (error: unknown) => ReactNode;
  children: ReactNode;
}

interface State {
  failed: boolean;
  error: unknown;
}

/**
 * Keeps a part's failure to that part: a chunk that cannot be fetched (a damaged install)
 * or a render that throws shows `fallback` in its place instead of leaving a white
 * window, as React does with an error no boundary catches. A chunk is fetched again
 * only by a new start of the page: the browser keeps a failed module fetch for the
 * page's life (Chromium: a second import() of it fails at once, with no request).
 */
export class FailureBoundary extends Component<Props, State> {
  override state: State = { failed: false, error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`[${this.props.where}]`, error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}
