import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Debian's Chromium, never a browser Playwright downloads. The background-networking flags keep
// Chromium from dialling out, which this offline machine refuses noisily.
export const chromiumExecutable = process.env.FACING_CHROMIUM ?? '/usr/bin/chromium';

// Chromium reads only the last --disable-features, so ours repeats Playwright's own list (from
// playwright-core's chromiumSwitches.ts) before adding to it. Checked against the installed version below.
const playwrightVersion = '1.65';
const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];
// Every new browser context (one per test) otherwise gets its own hidden omnibox popup, a WebUI page
// of some 500 modules in a renderer of its own: about half the CPU of starting a test's page.
const ourDisabledFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

const installed: string = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('playwright-core/package.json'), 'utf8')).version;
if (!installed.startsWith(`${playwrightVersion}.`)) {
  throw new Error(`e2e/chromium.ts repeats Playwright ${playwrightVersion}'s --disable-features list, but Playwright ${installed} is installed: copy its list (playwright-core, chromiumSwitches) into e2e/chromium.ts and update playwrightVersion.`);
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--disable-features=${[...playwrightDisabledFeatures, ...ourDisabledFeatures].join(',')}`,
];
