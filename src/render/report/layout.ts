/**
 * The page around the sections: one self-contained HTML document whose only style is the sheet
 * below. No scripts, fonts or images are loaded, and the Content-Security-Policy says so to the
 * browser too. Colours are variables, swapped for dark mode (prefers-color-scheme) and for print;
 * tables wider than a phone scroll in their own box, charts shrink with the page.
 */
import { esc } from './html.js';

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--band:#f6f8fa;--dot:#0969da;--box:rgba(9,105,218,.14);--median:#bc4c00;--yes:#1a7f37;--part:#9a6700;--no:#cf222e;--alert:#fff8c5;--alert-line:#d4a72c}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--band:#151b23;--dot:#4493f8;--box:rgba(68,147,248,.2);--median:#ffa657;--yes:#3fb950;--part:#d29922;--no:#ff7b72;--alert:#272115;--alert-line:#9e6a03}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header,nav,main,footer{max-width:76rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .5rem}
h2{font-size:1.4rem;margin:2.5rem 0 .5rem;padding-top:.5rem;border-top:1px solid var(--line)}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .25rem}
p,li,dd,figcaption,summary{overflow-wrap:anywhere}
td,th{overflow-wrap:break-word}
tbody th{min-width:7rem}
a{color:var(--dot)}
.lead{color:var(--muted);max-width:48rem}
nav ol{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:.5rem 0 0}
.alert{background:var(--alert);border:1px solid var(--alert-line);border-radius:6px;padding:.25rem 1rem;margin:1rem 0}
.alert h3{margin-top:.5rem}
.wide{overflow-x:auto;max-width:100%;margin:.5rem 0;position:relative}
.wide:focus{outline:2px solid var(--dot)}
table{border-collapse:collapse;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.25rem 0;caption-side:top}
.wide caption{position:sticky;left:0;max-width:calc(100vw - 2rem)}
th,td{padding:.3rem .55rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--line)}
tfoot th,tfoot td{border-top:2px solid var(--line);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.best{font-weight:700}
th small,td small{display:block;font-weight:400;color:var(--muted);font-size:.8rem;white-space:normal}
tr.group th{font-weight:600;color:var(--muted);font-size:.85rem}
.mark-cell{text-align:center}
.mark{font-weight:700;font-variant-numeric:tabular-nums}
.mark.yes{color:var(--yes)}.mark.part{color:var(--part)}.mark.no{color:var(--no)}
.key{font-size:.85rem;color:var(--muted)}
.key .vh{position:static;width:auto;height:auto;clip:auto;margin:0 1rem 0 .25rem;white-space:normal}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.figures{display:grid;gap:1rem 1.5rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,23rem),1fr))}
.multiples{display:grid;gap:.5rem 1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,13rem),1fr))}
figure{margin:0;min-width:0}
figcaption{font-size:.85rem;color:var(--muted)}
.small figcaption{font-weight:600;color:var(--fg);text-align:center}
.legend,.ties{font-size:.85rem;color:var(--muted)}
svg.chart{display:block;width:100%;height:auto;font-size:12px}
.chart text{fill:var(--fg)}
.chart .note,.chart .ticks text{fill:var(--muted);font-size:10.5px}
.chart .name{font-weight:600}
.chart .band{fill:var(--band)}
.chart .grid line{stroke:var(--line)}
.chart .samples circle{fill:var(--dot);fill-opacity:.6}
.chart .box{fill:var(--box);stroke:var(--dot)}
.chart .range{stroke:var(--muted)}
.chart .median{stroke:var(--median);stroke-width:3}
.chart .published{fill:var(--median)}
.chart .sd{stroke:var(--fg);stroke-width:1.5;fill:none}
.chart .trend{fill:none;stroke:var(--muted);stroke-width:1.5}
.chart .missing{fill:var(--no);font-style:italic}
details{margin:.4rem 0}
summary{cursor:pointer;color:var(--dot)}
details[open]>summary{margin-bottom:.25rem}
pre{background:var(--band);border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;font-size:.8rem;white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
dl.readback dt,dl.rules dt,dl.facts-list dt{font-weight:600;margin-top:.5rem}
dl.readback dd,dl.rules dd,dl.facts-list dd{margin:0 0 0 1rem}
dl.readback p{margin:.15rem 0}
.label{font-weight:600;color:var(--muted)}
.nowrap{white-space:nowrap}
.tracker-readback{border-left:3px solid var(--line);padding-left:.75rem}
footer{color:var(--muted);font-size:.85rem;padding:2rem 1rem}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--band:#f3f3f3;--dot:#0550ae;--alert:#fff;--alert-line:#000}
nav{display:none}
body{font-size:10pt}
h2{break-before:page;border:0}
h2,h3,h4,caption{break-after:avoid}
figure,tr,dt{break-inside:avoid}
.wide{overflow:visible}
.figures{grid-template-columns:repeat(2,minmax(0,1fr))}
table{font-size:8pt}
td.num{white-space:normal}
td,th{overflow-wrap:anywhere}
details::details-content{content-visibility:visible;display:block}
summary{list-style:none;color:var(--fg);font-weight:600}
a{color:inherit;text-decoration:none}
}`;

export interface Page {
  readonly title: string;
  /** Under the main heading: what the page is and what it was made from (HTML). */
  readonly lead: string;
  readonly sections: readonly { readonly id: string; readonly title: string; readonly body: string }[];
  readonly footer: string;
}

export function page(p: Page): string {
  const nav = `<nav aria-label="Contents"><ol>${p.sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('')}</ol></nav>`;
  const sections = p.sections
    .map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-h"><h2 id="${s.id}-h">${esc(s.title)}</h2>${s.body}</section>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="reprotree">
<title>${esc(p.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(p.title)}</h1>${p.lead}</header>
${nav}
<main>
${sections}
</main>
<footer>${p.footer}</footer>
</body>
</html>
`;
}
