/**
 * A deliberately tiny translation table (no i18next yet). Bahasa Indonesia is
 * the source language; every other locale must provide the same keys.
 * Placeholders look like `{name}` and are filled by `translate()`.
 */
const id = {
  'app.name': 'Sinergi',
  'app.tagline': 'Data terpadu penghapusan kemiskinan ekstrem Kota Palangka Raya',
  'app.documentTitle': 'Sinergi — Data terpadu penghapusan kemiskinan ekstrem',
  'app.comingSoon': 'Portal lengkap untuk perangkat daerah dan mitra sedang disiapkan.',
  'app.footer': 'Pemerintah Kota Palangka Raya',
  'language.label': 'Bahasa',
  'auth.heading': 'Masuk',
  'auth.intro': 'Masuk dengan akun instansi atau mitra Anda.',
  'auth.username': 'Nama pengguna',
  'auth.password': 'Kata sandi',
  'auth.submit': 'Masuk',
  'auth.submitting': 'Sedang masuk…',
  'auth.failed': 'Gagal masuk: {message}',
  'auth.checking': 'Memeriksa sesi…',
  'auth.sessionUnknown': 'Status sesi belum dapat diperiksa: {message}',
  'auth.signedInHeading': 'Sesi aktif',
  'auth.signedInAs': 'Masuk sebagai {name} ({role}, {organization})',
  'auth.noOrganization': 'tanpa organisasi',
  'auth.logout': 'Keluar',
  'auth.loggingOut': 'Sedang keluar…',
  'auth.logoutFailed': 'Gagal keluar: {message}',
  'error.network': 'server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.',
  'error.http': 'server API tidak tersedia (HTTP {status}).',
  'graphiql.heading': 'GraphQL API',
  'graphiql.description':
    'Jelajahi skema dan jalankan kueri terhadap API /graphql. Setelah masuk, IDE memakai sesi yang sama.',
  'graphiql.link': 'Buka GraphQL IDE (GraphiQL)',
  'graphiql.back': 'Kembali ke portal / Back to portal',
  'graphiql.loading': 'Memuat GraphiQL…',
  'graphiql.loadFailed': 'GraphiQL gagal dimuat. Muat ulang halaman untuk mencoba lagi.',
  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.body': 'Alamat {path} tidak ada di portal ini.',
  'notFound.back': 'Kembali ke beranda',
} as const;

export type MessageKey = keyof typeof id;
export type Dictionary = Record<MessageKey, string>;

const en: Dictionary = {
  'app.name': 'Sinergi',
  'app.tagline': 'Integrated data for eradicating extreme poverty in Palangka Raya City',
  'app.documentTitle': 'Sinergi — Integrated data against extreme poverty',
  'app.comingSoon': 'The full portal for city agencies and partners is being prepared.',
  'app.footer': 'City Government of Palangka Raya',
  'language.label': 'Language',
  'auth.heading': 'Sign in',
  'auth.intro': 'Sign in with your agency or partner account.',
  'auth.username': 'Username',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.submitting': 'Signing in…',
  'auth.failed': 'Sign-in failed: {message}',
  'auth.checking': 'Checking your session…',
  'auth.sessionUnknown': 'Could not check your session yet: {message}',
  'auth.signedInHeading': 'Active session',
  'auth.signedInAs': 'Signed in as {name} ({role}, {organization})',
  'auth.noOrganization': 'no organisation',
  'auth.logout': 'Sign out',
  'auth.loggingOut': 'Signing out…',
  'auth.logoutFailed': 'Sign-out failed: {message}',
  'error.network': 'the server could not be reached. Check your connection and try again.',
  'error.http': 'the API server is unavailable (HTTP {status}).',
  'graphiql.heading': 'GraphQL API',
  'graphiql.description':
    'Explore the schema and run queries against the /graphql API. Once signed in, the IDE uses the same session.',
  'graphiql.link': 'Open the GraphQL IDE (GraphiQL)',
  'graphiql.back': 'Kembali ke portal / Back to portal',
  'graphiql.loading': 'Loading GraphiQL…',
  'graphiql.loadFailed': 'GraphiQL failed to load. Reload the page to try again.',
  'notFound.title': 'Page not found',
  'notFound.body': 'The address {path} does not exist in this portal.',
  'notFound.back': 'Back to home',
};

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

/** Each locale's own name, shown in the switch (in that language). */
export const LOCALE_NAMES: Record<Locale, string> = { id: 'Indonesia', en: 'English' };

export const dictionaries: Record<Locale, Dictionary> = { id, en };

export type MessageParams = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
