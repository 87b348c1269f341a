// Debian's Chromium, never a browser Playwright downloads. The background-networking flags keep
// Chromium from dialling out, which this offline machine refuses noisily.
export const chromiumExecutable = process.env.FACING_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
