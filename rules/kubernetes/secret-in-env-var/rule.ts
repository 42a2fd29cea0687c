// Flags container environment variables that look like secrets and carry a literal value instead of a secretKeyRef.
import { asMap, defineRule, getNode, getPair, seqItems, str, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';

/** Name tokens that on their own mark a secret. */
const SECRET_WORDS = new Set([
  'PASSWORD', 'PASSWD', 'PASSPHRASE', 'PASS', 'SECRET', 'TOKEN', 'APIKEY', 'PRIVATEKEY', 'SECRETKEY', 'ACCESSTOKEN',
  'AUTHTOKEN', 'CLIENTSECRET', 'CREDENTIALS', 'CREDENTIAL',
]);
/** `<word>_KEY` pairs that mark key material (a bare KEY is too common: cache keys, sort keys, ...). */
const KEY_PREFIXES = new Set(['API', 'PRIVATE', 'SECRET', 'ENCRYPTION', 'SIGNING', 'MASTER', 'AUTH', 'HMAC', 'JWT']);
/** Tokens after the secret word that make the variable describe a secret rather than hold it (TOKEN_URL, PASSWORD_FILE). */
const QUALIFIERS = new Set([
  'URL', 'URI', 'URLS', 'ENDPOINT', 'HOST', 'PORT', 'FILE', 'FILES', 'PATH', 'DIR', 'DIRECTORY', 'LOCATION', 'MOUNT',
  'NAME', 'NAMES', 'NAMESPACE', 'REF', 'ID', 'TYPE', 'KIND', 'CLASS', 'KEYREF', 'FIELD', 'LABEL', 'PREFIX', 'SUFFIX',
  'TTL', 'EXPIRY', 'EXPIRES', 'EXPIRATION', 'LIFETIME', 'DURATION', 'TIMEOUT', 'INTERVAL', 'AGE', 'PERIOD',
  'LENGTH', 'LEN', 'SIZE', 'MIN', 'MAX', 'COUNT', 'LIMIT', 'THRESHOLD', 'RETRIES',
  'ENABLED', 'ENABLE', 'DISABLED', 'DISABLE', 'REQUIRED', 'OPTIONAL', 'POLICY', 'PROVIDER', 'MODE', 'STRATEGY', 'METHOD',
  'ISSUER', 'AUDIENCE', 'SCOPE', 'SCOPES', 'HEADER', 'FORMAT', 'ENCODING', 'ALGORITHM', 'ALG', 'HASH', 'VERSION',
  'VALIDATION', 'VERIFY', 'VERIFICATION', 'CHECK', 'ROTATION', 'STORE', 'BACKEND', 'SOURCE', 'PATTERN', 'REGEX', 'HINT',
]);
/** Tokens before the secret word that make the variable a switch about secrets (ALLOW_EMPTY_PASSWORD, RANDOM_ROOT_PASSWORD). */
const FLAG_PREFIXES = new Set(['ENABLE', 'DISABLE', 'USE', 'REQUIRE', 'ALLOW', 'SKIP', 'RANDOM', 'GENERATE', 'EMPTY', 'NO', 'MIN', 'MAX', 'NUM']);
/** Names that contain a secret word but are documented identifiers (etcd's initial cluster token only seeds the cluster ID). */
const KNOWN_NON_SECRETS = [['INITIAL', 'CLUSTER', 'TOKEN']];
/** Values that are switches or placeholders for "none", never a credential. */
const NON_SECRET_VALUES = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'none', 'null', 'nil', 'enabled', 'disabled', 'required', 'optional', 'auto']);

function tokens(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split(/[^A-Za-z0-9]+/).filter(Boolean).map((t) => t.toUpperCase());
}

/** Whether an environment variable name says it holds a secret value. */
export function looksLikeSecretName(name: string): boolean {
  const t = tokens(name);
  if (KNOWN_NON_SECRETS.some((k) => t.length >= k.length && k.every((w, i) => t[t.length - k.length + i] === w))) return false;
  let last = -1;
  t.forEach((tok, i) => {
    if (SECRET_WORDS.has(tok) || (tok === 'KEY' && i > 0 && KEY_PREFIXES.has(t[i - 1]))) last = i;
  });
  if (last < 0) return false;
  if (t.slice(last + 1).some((tok) => QUALIFIERS.has(tok))) return false;
  if (t.slice(0, last).some((tok) => FLAG_PREFIXES.has(tok))) return false;
  return true;
}

/** Whether a literal value can be a credential (not a switch, a path, a URL without credentials or a variable reference). */
function couldBeSecretValue(value: string): boolean {
  const v = value.trim();
  if (v === '' || NON_SECRET_VALUES.has(v.toLowerCase())) return false;
  if (/\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[^}]*\}|\{\{/.test(v)) return false;
  if (/^(\/|\.\.?\/|~\/|file:)/.test(v)) return false;
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(v);
  if (url) return url[1].includes('@') && url[1].split('@')[0].includes(':');
  return true;
}

export default defineRule({
  id: 'k8s/secret-in-env-var',
  title: 'Secrets reach containers through Secret references, not literal env values',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:env-var-secret', 'polaris:sensitiveContainerEnvVar'],
  rationale:
    'A password, token or key written as `value:` in a manifest is readable by everyone who can read the repository, the ' +
    'workload object (`get deployment` needs no Secret permission), CI logs and backups, and it cannot be rotated without a ' +
    'redeploy. A `valueFrom.secretKeyRef` keeps the value in a Secret, where RBAC, encryption at rest and rotation apply. ' +
    'The rule reads the variable name (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, ...) and stays silent when the name ' +
    'describes a secret instead of holding it (`TOKEN_URL`, `PASSWORD_FILE`, `DB_SECRET_NAME`, `TOKEN_TTL`), and when the value ' +
    'is empty, a switch (`true`, `none`), a file path, a URL without credentials, or a `$(VAR)` reference. The fix needs a ' +
    'Secret to exist, so none is offered.',
  remediation: 'Move the value into a Secret and reference it with `valueFrom.secretKeyRef` (or mount it as a file).',
  check(ctx) {
    const { doc } = ctx;
    for (const c of ctx.object.containers) {
      for (const item of seqItems(getNode(c.map, 'env', doc), doc)) {
        const env = asMap(item, doc);
        if (!env || getPair(env, 'valueFrom')) continue;
        const name = str(getNode(env, 'name', doc), doc);
        const valueNode = getNode(env, 'value', doc);
        const value = str(valueNode, doc);
        if (!name || !valueNode || value === undefined) continue;
        if (!looksLikeSecretName(name) || !couldBeSecretValue(value)) continue;
        ctx.report({
          node: valueNode,
          message: `${upperFirst(containerLabel(c))} sets "${name}" as a literal value instead of a Secret reference.`,
        });
      }
    }
  },
});
