import { createElement, lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { NoticeBar } from './components/NoticeBar';
import { Toast } from './components/Toast';
import { useTheme } from './components/useTheme';
import { useUndoKeys } from './components/useUndoKeys';
import { LibraryScreen } from './screens/LibraryScreen';
import { MessageScreen } from './screens/MessageScreen';
import { CommandPalette } from './commands/CommandPalette';
import { watchSync } from './sync/syncStatus';
import { routeParam } from './routeParam';
import { useAppStore } from './state/store';
import { useT } from './i18n/useT';

/**
 * A screen whose script is loaded when it is first shown, or ahead of that by `prefetch`. Once loaded
 * it renders at once: React.lazy alone suspends on a component's first render even when its script is
 * already here, and React holds a suspended screen blank for at least 300 ms.
 */
function lazyScreen<M, P extends object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>) {
  let loaded: ComponentType<P> | null = null;
  const prefetch = () => load().then((module) => (loaded = pick(module)));
  const Suspended = lazy(() => prefetch().then((component) => ({ default: component })));
  const Screen = (props: P) => {
    // Chosen once for the life of this screen: switching types when the prefetch lands would remount it, losing its state.
    const [component] = useState(() => loaded ?? (Suspended as unknown as ComponentType<P>));
    return createElement(component, props);
  };
  return { Screen, prefetch };
}

// A start paints the library: every other screen's script is loaded when it is first opened, or in
// the background a little after the first paint, so that opening one later does not wait for it.
const screens = {
  annotations: lazyScreen(() => import('./screens/AnnotationsScreen'), (m) => m.AnnotationsScreen),
  parallel: lazyScreen(() => import('./screens/ParallelScreen'), (m) => m.ParallelScreen),
  reader: lazyScreen(() => import('./screens/ReaderScreen'), (m) => m.ReaderScreen),
  search: lazyScreen(() => import('./screens/SearchScreen'), (m) => m.SearchScreen),
  threeColumns: lazyScreen(() => import('./screens/ThreeColumnScreen'), (m) => m.ThreeColumnScreen),
  backups: lazyScreen(() => import('./settings/BackupsPanel'), (m) => m.BackupsPanel),
  sync: lazyScreen(() => import('./sync/SyncPanel'), (m) => m.SyncPanel),
  dictionaries: lazyScreen(() => import('./dictionaries/DictionariesScreen'), (m) => m.DictionariesScreen),
};
const PREFETCH_AFTER_MS = 2000;
const AnnotationsScreen = screens.annotations.Screen;
const ParallelScreen = screens.parallel.Screen;
const ReaderScreen = screens.reader.Screen;
const SearchScreen = screens.search.Screen;
const ThreeColumnScreen = screens.threeColumns.Screen;
const BackupsPanel = screens.backups.Screen;
const SyncPanel = screens.sync.Screen;
const DictionariesScreen = screens.dictionaries.Screen;

export function App() {
  const startupError = useAppStore((s) => s.startupError);
  useEffect(watchSync, []);
  useEffect(() => {
    const prefetch = window.setTimeout(() => Object.values(screens).forEach((screen) => void screen.prefetch().catch(() => {})), PREFETCH_AFTER_MS);
    return () => window.clearTimeout(prefetch);
  }, []);
  useTheme();
  useUndoKeys();
  const t = useT();

  if (startupError) {
    return <MessageScreen title={t('app.couldNotStart')} message={startupError} />;
  }
  return (
    <Router hook={useHashLocation}>
      <NoticeBar />
      <Suspense fallback={null}>
        <Switch>
          <Route path="/" component={LibraryScreen} />
          <Route path="/annotations" component={AnnotationsScreen} />
          <Route path="/settings/backups" component={BackupsPanel} />
          <Route path="/settings/sync" component={SyncPanel} />
          <Route path="/dictionaries" component={DictionariesScreen} />
          <Route path="/read/:id">{(params) => <ReaderScreen id={routeParam(params.id)} />}</Route>
          <Route path="/read/:id/p/:paragraph">{(params) => <ReaderScreen id={routeParam(params.id)} paragraph={Number(params.paragraph) || 0} />}</Route>
          <Route path="/search/:query?">{(params) => <SearchScreen query={routeParam(params.query)} />}</Route>
          <Route path="/read/:id/a/:annotation">{(params) => <ReaderScreen id={routeParam(params.id)} annotation={routeParam(params.annotation)} />}</Route>
          <Route path="/parallel/:original/:first/:second">
            {(params) => <ThreeColumnScreen original={routeParam(params.original)} first={routeParam(params.first)} second={routeParam(params.second)} />}
          </Route>
          <Route path="/parallel/:left/:right">{(params) => <ParallelScreen left={routeParam(params.left)} right={routeParam(params.right)} />}</Route>
          <Route>
            <MessageScreen title={t('app.nothingHere')} message={t('app.nothingHereMessage')} />
          </Route>
        </Switch>
      </Suspense>
      <Toast />
      <CommandPalette />
    </Router>
  );
}
