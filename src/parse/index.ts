export { parseText, type TextInput } from './parse-text';
export { parseCell } from './cells';
export { splitCells } from './split';
