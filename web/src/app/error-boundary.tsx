import { Alert } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import i18next from '../i18n/i18n';

interface State { failed: boolean }

export class ErrorBoundary extends Component<{ children: ReactNode; fallback?: ReactNode }, State> {
  state: State = { failed: false };
  static getDerivedStateFromError(): State {
    return { failed: true };
  }
  render() {
    if (this.state.failed) {
      return this.props.fallback ?? <Alert color="red" role="alert" m="md">{i18next.t('common.loadFailed')}</Alert>;
    }
    return this.props.children;
  }
}
