/**
 * A rendering error inside an instrument shows what failed and a way out, instead of a blank
 * page: "reset this view" puts its parameters back to their defaults and draws it again.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  title: string;
  onReset: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`softmax-atlas: the ${this.props.title} view failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <section className="view-failed" role="alert" data-testid="view-failed">
        <h2>The {this.props.title} view stopped with an error</h2>
        <p>
          <code>{error.message}</code>
        </p>
        <button
          type="button"
          data-testid="reset-view"
          onClick={() => {
            this.props.onReset();
            this.setState({ error: null });
          }}
        >
          Reset this view
        </button>
      </section>
    );
  }
}
