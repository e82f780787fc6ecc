/**
 * One colour per class, the same in every picture. With two or three frameworks a class's
 * colour comes from its rank among all the tie sets they could form (in the fitter's class
 * order), not among the classes one tree happens to have, so MLflow keeps its colour in Figure 2,
 * whose tree lacks some of Figure 1's classes. With more frameworks there are more possible sets
 * than distinguishable colours, so, as dtreeviz does, the tree's own classes share them out.
 */
import type { FittedTree } from '../advice/model.js';
import { compareClasses } from '../cart/profiles.js';
import type { Style } from './style.js';

/**
 * dtreeviz's colour-blind-friendly lists, by number of classes: the study drew its figures with
 * dtreeviz, and three frameworks give exactly seven possible sets, so the 7-colour list makes our
 * Figure 1 wear the study's colours.
 */
const DTREEVIZ: Readonly<Record<number, readonly string[]>> = {
  2: ['#FEFEBB', '#a1dab4'],
  3: ['#FEFEBB', '#D9E6F5', '#a1dab4'],
  4: ['#FEFEBB', '#D9E6F5', '#a1dab4', '#fee090'],
  5: ['#FEFEBB', '#D9E6F5', '#a1dab4', '#41b6c4', '#fee090'],
  6: ['#FEFEBB', '#c7e9b4', '#41b6c4', '#2c7fb8', '#fee090', '#f46d43'],
  7: ['#FEFEBB', '#c7e9b4', '#7fcdbb', '#41b6c4', '#225ea8', '#fdae61', '#f46d43'],
  8: ['#FEFEBB', '#edf8b1', '#c7e9b4', '#7fcdbb', '#1d91c0', '#225ea8', '#fdae61', '#f46d43'],
  9: ['#FEFEBB', '#c7e9b4', '#41b6c4', '#74add1', '#4575b4', '#313695', '#fee090', '#fdae61', '#f46d43'],
  10: ['#FEFEBB', '#c7e9b4', '#41b6c4', '#74add1', '#4575b4', '#313695', '#fee090', '#fdae61', '#f46d43', '#d73027'],
};

/**
 * The colour that marks the answers' path: a purple, because dtreeviz's orange highlight is lost
 * on its own orange classes; it matches the magenta of the path in the terminal.
 */
export const PATH_COLOR = '#8e24aa';

/** Beyond this many classes evenly spaced hues lie too close to tell neighbours apart. */
const EVEN_HUES_MAX = 24;

/**
 * Hues for trees with more classes than dtreeviz has colours for; no purples, which mean the
 * path. Up to EVEN_HUES_MAX classes they are evenly spaced; with more (a table can have a million
 * classes) each class steps on by the golden angle, so classes next to each other in class order,
 * which often meet in one picture, still differ.
 */
function spread(i: number, n: number): string {
  const step = n <= EVEN_HUES_MAX ? 300 / n : 137.508;
  const h = (330 + ((i * step) % 300)) % 360;
  const [r, g, b] = hslToRgb(h, 0.6, 0.62);
  return rgbToHex(r, g, b);
}

/** Hex colour per class of the tree, in class order. */
export function classColors(fitted: FittedTree): string[] {
  const color = classColor(fitted);
  return fitted.tree.classes.map((_, i) => color(i));
}

/**
 * The hex colour of a class of the tree, by class index, worked out when asked: a tree can have
 * a million classes, of which a picture shows a few.
 */
export function classColor(fitted: FittedTree): (cls: number) => string {
  const { tree } = fitted;
  const F = tree.frameworks.length;
  const possible = 2 ** F - 1;
  const n = tree.classes.length;
  if (!DTREEVIZ[possible]) return (i) => DTREEVIZ[n]?.[i] ?? spread(i, n);
  const ids = (mask: number) => tree.frameworks.filter((_, f) => mask & (1 << f));
  const all = Array.from({ length: possible }, (_, i) => i + 1).sort((a, b) => compareClasses(ids(a), ids(b)));
  const rank = new Map(all.map((m, i) => [m, i]));
  return (i) => DTREEVIZ[possible]![rank.get(tree.classes[i]!.mask)!]!;
}

/** The colour of the share a picture gives the classes it does not name one by one. */
export const REST_COLOR = '#d9d9d9';

/** Black or white, whichever reads on `hex`: dtreeviz's darkest blue needs white text. */
export function textOn(hex: string): string {
  const [r, g, b] = hexToRgb(hex).map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.18 ? '#ffffff' : '#111111';
}

/** White blended towards `hex` by `alpha` (0..1): a solid colour that renders the same everywhere. */
export function tint(hex: string, alpha: number): string {
  const [r, g, b] = hexToRgb(hex);
  const mix = (c: number) => Math.round(255 + (c - 255) * alpha);
  return rgbToHex(mix(r), mix(g), mix(b));
}

/**
 * Text colour in a terminal, nothing when colour is off. dtreeviz's colours are pastels that the
 * 256-colour cube turns into near-greys, so the terminal keeps each colour's hue at a strength
 * that reads on dark and light backgrounds alike.
 */
export function ansiColor(style: Style, hex: string): (s: string) => string {
  if (!style.enabled) return (s) => s;
  const code = xterm256(...hslToRgb(hueOf(...hexToRgb(hex)), 0.7, 0.55));
  return (s) => `\u001b[38;5;${code}m${s}\u001b[39m`;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex(r: number, g: number, b: number): string {
  return '#' + [r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('');
}

function hueOf(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

/** The xterm 6×6×6 colour cube index closest to an RGB colour. */
function xterm256(r: number, g: number, b: number): number {
  const steps = [0, 95, 135, 175, 215, 255];
  const near = (v: number) => {
    let best = 0;
    for (let i = 1; i < steps.length; i++) if (Math.abs(steps[i]! - v) < Math.abs(steps[best]! - v)) best = i;
    return best;
  };
  return 16 + 36 * near(r) + 6 * near(g) + near(b);
}
