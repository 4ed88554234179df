import en from './en.json';
import id from './id.json';

type Tree = { [key: string]: string | Tree };

// Each feature may keep its strings next to its code in `locales/{id,en}.json`; they merge over the shared files.
const featureFiles = import.meta.glob<{ default: Tree }>('../features/*/locales/*.json', { eager: true });

function merge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
  }
  return target;
}

function bundle(language: 'id' | 'en', base: Tree): Tree {
  let tree = merge({}, base);
  for (const [file, module] of Object.entries(featureFiles)) {
    if (file.endsWith(`/locales/${language}.json`)) tree = merge(tree, module.default);
  }
  return tree;
}

export const RESOURCES = { id: bundle('id', id as Tree), en: bundle('en', en as Tree) };

/** Dotted paths of every string in a tree (for the parity test). */
export function keyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
