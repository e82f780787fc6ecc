/** Linear memory for the fitter: one region handed out once per fit, and typed loads and stores. */

let top: usize = 0;

/** Hands out `bytes` of zeroed memory, 8-aligned, growing the memory as needed. */
export function alloc(bytes: i32): usize {
  if (top == 0) top = (__heap_base + 7) & ~7;
  const at = top;
  top = (top + <usize>bytes + 7) & ~7;
  const pages = <i32>((top + 0xffff) >> 16) - memory.size();
  if (pages > 0 && memory.grow(pages) < 0) unreachable();
  return at;
}

// @ts-expect-error: decorator
@inline export function geti(p: usize, i: i32): i32 {
  return load<i32>(p + (<usize>i << 2));
}
// @ts-expect-error: decorator
@inline export function seti(p: usize, i: i32, v: i32): void {
  store<i32>(p + (<usize>i << 2), v);
}
// @ts-expect-error: decorator
@inline export function addi(p: usize, i: i32, v: i32): void {
  const a = p + (<usize>i << 2);
  store<i32>(a, load<i32>(a) + v);
}
// @ts-expect-error: decorator
@inline export function getf(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
// @ts-expect-error: decorator
@inline export function setf(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}
// @ts-expect-error: decorator
@inline export function addf(p: usize, i: i32, v: f64): void {
  const a = p + (<usize>i << 3);
  store<f64>(a, load<f64>(a) + v);
}
