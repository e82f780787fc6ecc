/** The mark before the highlighted choice; a shape, not only a colour, so NO_COLOR keeps it. */
import { Text } from 'ink';
import { useStyle } from './style-context.js';

export interface PointerProps {
  /** Whether the choice beside it is highlighted. */
  readonly isSelected?: boolean;
}

export function Pointer({ isSelected = false }: PointerProps) {
  const style = useStyle();
  return <Text>{isSelected ? style.cyan('❯ ') : '  '}</Text>;
}
