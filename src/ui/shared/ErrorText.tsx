import { hasKey, t } from '../i18n';

/** Shows an error value in the user's language (error codes map to `error_<code>` strings). */
export function ErrorText({ code, params }: { code: string | undefined; params?: Record<string, string | number> }) {
  if (!code) return null;
  const key = `error_${code.replace(/-/g, '_')}`;
  return (
    <p class="error" role="alert">
      {hasKey(key) ? t(key, params) : t('error_unknown', { code })}
    </p>
  );
}
