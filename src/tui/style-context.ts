/**
 * The terminal style (colour or not) for every component, so NO_COLOR and --no-color reach
 * ink-select-input's item and indicator components too, which only receive their own props.
 */
import { createContext, useContext } from 'react';
import { createStyle } from '../render/style.js';
import type { Style } from '../render/style.js';

export const StyleContext = createContext<Style>(createStyle(false));

export const useStyle = (): Style => useContext(StyleContext);
