/**
 * A route parameter as the screen should see it. The hash router has already applied decodeURI, so a
 * second decode may meet a lone "%" (a search for "100%") or a malformed escape typed into the
 * address: those stay as they are instead of throwing and blanking the app.
 */
export function routeParam(value: string | undefined): string {
  if (value === undefined) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
