/**
 * The terminal style (colour or not) for every component, so NO_COLOR and --no-color reach
 * ink-select-input's item and indicator components too, which only receive their own props.
 */
import { createContext, useContext } from 'react';
import { PLAIN_STYLE } from '../render/style.js';
import type { Style } from '../render/style.js';

export const StyleContext = createContext<Style>(PLAIN_STYLE);

export const useStyle = (): Style => useContext(StyleContext);
