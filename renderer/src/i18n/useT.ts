import { useIntl } from 'react-intl';
import { en, type MessageKey } from '../../../shared/i18n/en';
import type { MessageValues } from '../../../shared/i18n/translator';

/** The translate function in the interface language, for components (helpers outside React use shared t()). */
export function useT(): (key: MessageKey, values?: MessageValues) => string {
  const intl = useIntl();
  return (key, values) => intl.formatMessage({ id: key, defaultMessage: en[key] }, values) as string;
}

