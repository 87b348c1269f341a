import { lazy, Suspense, useEffect } from 'react';
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

// A start paints the library: every other screen's script is loaded when it is first opened, or in
// the background a little after the first paint, so that opening one later does not wait for it.
const screens = {
  annotations: () => import('./screens/AnnotationsScreen'),
  parallel: () => import('./screens/ParallelScreen'),
  reader: () => import('./screens/ReaderScreen'),
  search: () => import('./screens/SearchScreen'),
  threeColumns: () => import('./screens/ThreeColumnScreen'),
  backups: () => import('./settings/BackupsPanel'),
  sync: () => import('./sync/SyncPanel'),
  dictionaries: () => import('./dictionaries/DictionariesScreen'),
};
const PREFETCH_AFTER_MS = 2000;
const AnnotationsScreen = lazy(() => screens.annotations().then((m) => ({ default: m.AnnotationsScreen })));
const ParallelScreen = lazy(() => screens.parallel().then((m) => ({ default: m.ParallelScreen })));
const ReaderScreen = lazy(() => screens.reader().then((m) => ({ default: m.ReaderScreen })));
const SearchScreen = lazy(() => screens.search().then((m) => ({ default: m.SearchScreen })));
const ThreeColumnScreen = lazy(() => screens.threeColumns().then((m) => ({ default: m.ThreeColumnScreen })));
const BackupsPanel = lazy(() => screens.backups().then((m) => ({ default: m.BackupsPanel })));
const SyncPanel = lazy(() => screens.sync().then((m) => ({ default: m.SyncPanel })));
const DictionariesScreen = lazy(() => screens.dictionaries().then((m) => ({ default: m.DictionariesScreen })));

export function App() {
  const startupError = useAppStore((s) => s.startupError);
  useEffect(watchSync, []);
  useEffect(() => {
    const prefetch = window.setTimeout(() => Object.values(screens).forEach((load) => void load().catch(() => {})), PREFETCH_AFTER_MS);
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
