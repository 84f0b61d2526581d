export { SqliteTreeStore, TREE_FILE } from './sqlite-tree-store';
