/** A choice's label in a select list, highlighted in the terminal's style. */
import { Text } from 'ink';
import { useStyle } from './style-context.js';

export interface ChoiceProps {
  /** The words shown for the choice. */
  readonly label: string;
  /** Whether it is the highlighted one. */
  readonly isSelected?: boolean;
}

export function Choice({ label, isSelected = false }: ChoiceProps) {
  const style = useStyle();
  return <Text wrap="truncate-end">{isSelected ? style.bold(style.cyan(label)) : label}</Text>;
}
